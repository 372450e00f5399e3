package org.mlopt.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams CSV records from a {@link Reader} without holding the whole file: RFC 4180 quoting,
 * LF or CRLF line ends, a leading byte order mark skipped, blank lines skipped. The current
 * record's unquoted fields are ranges of an internal buffer, so numbers are parsed without
 * creating strings; they stay valid until the next call to {@link #next()}.
 */
final class CsvLexer {
    private final Reader in;
    private final String file;
    private char[] buf = new char[1 << 16];
    private int len;
    private int pos;
    private boolean eof;
    private boolean started;
    private int line = 1;
    private int recordLine;
    private int recStart;
    private int fieldStart;
    private int count;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private String[] quoted = new String[16];
    private final StringBuilder sb = new StringBuilder();

    String file() {
        return file;
    }

    CsvLexer(String file, Reader in) {
        this.file = file;
        this.in = in;
    }

    /** Advances to the next non-blank record; false at the end of the input. */
    boolean next() {
        count = 0;
        while (true) {
            recStart = pos;
            if (!fill()) return false;
            char c = buf[pos];
            if (c == '\n') { pos++; line++; }
            else if (c == '\r' || (c == '\uFEFF' && !started)) pos++;
            else break;
            started = true;
        }
        started = true;
        recordLine = line;
        recStart = pos;
        while (true) {
            fieldStart = pos;
            if (fill() && buf[pos] == '"') {
                pos++;
                sb.setLength(0);
                while (true) {
                    if (!fill()) throw new DataException(null, file, recordLine, count + 1, null, "unterminated quoted field");
                    char c = buf[pos++];
                    if (c == '"') {
                        if (fill() && buf[pos] == '"') { sb.append('"'); pos++; }
                        else break;
                    } else {
                        if (c == '\n') line++;
                        sb.append(c);
                    }
                }
                while (fill() && !isDelimiter(buf[pos])) sb.append(buf[pos++]);
                add(-1, -1, sb.toString());
            } else {
                while (fill() && !isDelimiter(buf[pos])) pos++;
                add(fieldStart, pos, null);
            }
            if (!fill()) return true;
            char c = buf[pos];
            if (c == ',') { pos++; continue; }
            pos++;
            if (c == '\r' && fill() && buf[pos] == '\n') pos++;
            line++;
            return true;
        }
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    private void add(int start, int end, String text) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            quoted = Arrays.copyOf(quoted, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        quoted[count] = text;
        count++;
    }

    /** Makes {@code buf[pos]} readable if the input has more; keeps the current record in the buffer. */
    private boolean fill() {
        if (pos < len) return true;
        if (eof) return false;
        try {
            if (recStart > 0) {
                int shift = recStart;
                System.arraycopy(buf, shift, buf, 0, len - shift);
                len -= shift;
                pos -= shift;
                fieldStart -= shift;
                recStart = 0;
                for (int i = 0; i < count; i++) {
                    if (quoted[i] == null) {
                        starts[i] -= shift;
                        ends[i] -= shift;
                    }
                }
            }
            if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            int r;
            do {
                r = in.read(buf, len, buf.length - len);
            } while (r == 0);
            if (r < 0) {
                eof = true;
                return false;
            }
            len += r;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1-based line on which the current record starts. */
    int line() {
        return recordLine;
    }

    /** Number of fields in the current record. */
    int size() {
        return count;
    }

    /** Field {@code i} as text (unquoted, not trimmed). */
    String field(int i) {
        return quoted[i] != null ? quoted[i] : new String(buf, starts[i], ends[i] - starts[i]);
    }

    /** All fields of the current record. */
    List<String> fields() {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(field(i));
        return out;
    }

    /** True when field {@code i} is a missing value (empty, NA, NaN, ?). */
    boolean isMissing(int i) {
        if (quoted[i] == null) {
            int n = ends[i] - starts[i];
            if (n == 0) return true;
            char c = buf[starts[i]];
            if ((c >= '0' && c <= '9') || c == '-' || c == '.') return false;
        }
        return CsvReader.isMissing(field(i));
    }

    /** Field {@code i} as a number, or NaN when it is not one. */
    double number(int i) {
        if (quoted[i] == null) {
            double v = simpleDecimal(buf, starts[i], ends[i]);
            if (!Double.isNaN(v)) return v;
        }
        return CsvReader.parseNumber(field(i));
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
        1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * Fast path for plain decimals ({@code -12.034}) with at most 15 significant digits and 22
     * decimals: the digits form an exact integer and 10^k is exact, so one division is
     * correctly rounded and equals {@link Double#parseDouble}. NaN for anything else.
     */
    static double simpleDecimal(char[] s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && s[i] == '-') { negative = true; i++; }
        if (i == to) return Double.NaN;
        long mantissa = 0;
        int digits = 0, fraction = -1, seen = 0;
        for (; i < to; i++) {
            char c = s[i];
            if (c >= '0' && c <= '9') {
                seen++;
                if (fraction >= 0) fraction++;
                if (mantissa == 0 && c == '0') continue;
                mantissa = mantissa * 10 + (c - '0');
                if (++digits > 15) return Double.NaN;
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else return Double.NaN;
        }
        if (seen == 0 || fraction > 22) return Double.NaN;
        double v = fraction <= 0 ? (double) mantissa : mantissa / POW10[fraction];
        return negative ? -v : v;
    }
}
