package org.mlopt.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.mlopt.diag.ErrorCode;
import org.mlopt.diag.Suggest;

/**
 * Reads a CSV file with a header row into a {@link Dataset}.
 *
 * <p>Format: comma-separated, RFC 4180 quoting ({@code "a, b"}, {@code ""} for a quote), LF or
 * CRLF line ends, an optional UTF-8 byte order mark, blank lines ignored. Missing values are
 * empty cells, {@code NA}, {@code NaN} and {@code ?}.
 *
 * <p>Target task (when {@link TaskHint#AUTO}): any non-numeric target value means
 * classification; a numeric target of whole numbers with at most 20 distinct values is
 * classification too, otherwise regression. Classes are sorted numerically when all numeric,
 * else lexicographically.
 */
public final class CsvReader {

    /** What the script says about the task. */
    public enum TaskHint { AUTO, CLASSIFICATION, REGRESSION }

    /**
     * Reading options.
     *
     * @param target       target column name, or null for the last column
     * @param task         the task, or AUTO to infer it
     * @param allowMissing keep missing feature values as NaN (when an imputer is declared)
     * @param categorical  feature columns to keep as strings (for one_hot)
     */
    public record Options(String target, TaskHint task, boolean allowMissing, Set<String> categorical) {
        public Options {
            categorical = Set.copyOf(categorical);
        }

        public static Options defaults() {
            return new Options(null, TaskHint.AUTO, false, Set.of());
        }

        public Options withTarget(String t) {
            return new Options(t, task, allowMissing, categorical);
        }

        public Options withTask(TaskHint t) {
            return new Options(target, t, allowMissing, categorical);
        }

        public Options withMissing(boolean allow) {
            return new Options(target, task, allow, categorical);
        }

        public Options withCategorical(Set<String> columns) {
            return new Options(target, task, allowMissing, columns);
        }
    }

    /** Most distinct whole-number target values still read as classes under AUTO. */
    public static final int MAX_AUTO_CLASSES = 20;

    private CsvReader() {}

    /** Reads {@code path} with {@code options}. */
    public static Dataset read(Path path, Options options) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new DataException(ErrorCode.E801, path.toString(), 0, 0, null, "file not found");
        } catch (IOException e) {
            throw new DataException(ErrorCode.E801, path.toString(), 0, 0, null, "cannot read the file: " + e.getMessage());
        }
        return parse(name, new String(bytes, StandardCharsets.UTF_8), options);
    }

    /** Parses CSV text; {@code file} names the source in messages. */
    public static Dataset parse(String file, String text, Options options) {
        CsvLexer lexer = new CsvLexer(file, text);
        List<String> header = lexer.nextRecord();
        if (header == null) throw new DataException(ErrorCode.E802, file, 0, 0, null, "the file is empty");
        int headerLine = lexer.recordLine();
        int d = header.size();
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < d; c++) {
            String h = header.get(c).strip();
            header.set(c, h);
            if (h.isEmpty()) throw new DataException(ErrorCode.E802, file, headerLine, c + 1, null, "the header has an empty column name");
            Integer prev = seen.put(h, c);
            if (prev != null)
                throw new DataException(ErrorCode.E802, file, headerLine, c + 1, h,
                        "duplicate column name (also column " + (prev + 1) + ")");
        }
        int targetCol = d - 1;
        if (options.target() != null) {
            Integer t = seen.get(options.target());
            if (t == null) {
                String hint = Suggest.closest(options.target(), header).map(s -> "; did you mean '" + s + "'?").orElse("");
                throw new DataException(ErrorCode.E803, file, headerLine, 0, null,
                        "no target column '" + options.target() + "' in the header" + hint);
            }
            targetCol = t;
        }
        if (d < 2) throw new DataException(ErrorCode.E802, file, headerLine, 0, null, "needs at least one feature column and a target column");
        for (String c : options.categorical())
            if (!seen.containsKey(c) || seen.get(c) == targetCol)
                throw new DataException(null, file, headerLine, 0, null, "no feature column '" + c + "' to encode"
                        + Suggest.closest(c, header).map(s -> "; did you mean '" + s + "'?").orElse(""));

        // Column roles: numeric feature slot, categorical slot, or target.
        int[] numericSlot = new int[d];
        int[] categoricalSlot = new int[d];
        List<String> numericNames = new ArrayList<>();
        List<String> categoricalNames = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            numericSlot[c] = -1;
            categoricalSlot[c] = -1;
            if (c == targetCol) continue;
            if (options.categorical().contains(header.get(c))) {
                categoricalSlot[c] = categoricalNames.size();
                categoricalNames.add(header.get(c));
            } else {
                numericSlot[c] = numericNames.size();
                numericNames.add(header.get(c));
            }
        }
        int p = numericNames.size();
        double[] x = new double[Math.max(16, 64 * p)];
        List<List<String>> cats = new ArrayList<>();
        for (int i = 0; i < categoricalNames.size(); i++) cats.add(new ArrayList<>());
        List<String> targetRaw = new ArrayList<>();
        int[] targetLines = new int[64];
        int n = 0;
        List<String> rec;
        while ((rec = lexer.nextRecord()) != null) {
            int line = lexer.recordLine();
            if (rec.size() != d)
                throw new DataException(null, file, line, 0, null,
                        "the row has " + rec.size() + " field" + (rec.size() == 1 ? "" : "s") + " but the header has " + d);
            if ((n + 1) * p > x.length) x = Arrays.copyOf(x, Math.max(x.length * 2, (n + 1) * p));
            if (n >= targetLines.length) targetLines = Arrays.copyOf(targetLines, n * 2);
            targetLines[n] = line;
            for (int c = 0; c < d; c++) {
                String cell = rec.get(c);
                if (c == targetCol) {
                    if (isMissing(cell))
                        throw new DataException(null, file, line, c + 1, header.get(c), "missing target value");
                    targetRaw.add(cell.strip());
                } else if (categoricalSlot[c] >= 0) {
                    cats.get(categoricalSlot[c]).add(isMissing(cell) ? null : cell.strip());
                } else {
                    double v;
                    if (isMissing(cell)) {
                        if (!options.allowMissing())
                            throw new DataException(null, file, line, c + 1, header.get(c),
                                    "missing value '" + cell + "' (declare impute(...) in preprocess to fill missing values)");
                        v = Double.NaN;
                    } else {
                        v = parseNumber(cell);
                        if (Double.isNaN(v))
                            throw new DataException(null, file, line, c + 1, header.get(c),
                                    "not a number: '" + cell + "' (a text column needs one_hot(columns: [\"" + header.get(c) + "\"]))");
                    }
                    x[n * p + numericSlot[c]] = v;
                }
            }
            n++;
        }
        if (n == 0) throw new DataException(ErrorCode.E802, file, headerLine, 0, null, "the file has a header but no data rows");
        DMatrixRMaj features = new DMatrixRMaj(n, p);
        System.arraycopy(x, 0, features.data, 0, n * p);
        Map<String, String[]> categorical = new LinkedHashMap<>();
        for (int i = 0; i < categoricalNames.size(); i++) categorical.put(categoricalNames.get(i), cats.get(i).toArray(new String[0]));
        return buildTarget(file, header.get(targetCol), targetCol + 1, targetRaw, targetLines, options.task(),
                numericNames, features, categorical);
    }

    private static Dataset buildTarget(String file, String targetName, int targetIndex, List<String> raw, int[] lines,
                                       TaskHint hint, List<String> names, DMatrixRMaj x, Map<String, String[]> cat) {
        int n = raw.size();
        double[] values = new double[n];
        boolean allNumeric = true;
        boolean allWhole = true;
        int firstText = -1;
        for (int i = 0; i < n; i++) {
            values[i] = parseNumber(raw.get(i));
            if (Double.isNaN(values[i])) {
                if (allNumeric) firstText = i;
                allNumeric = false;
            } else if (values[i] != Math.rint(values[i])) allWhole = false;
        }
        boolean classification;
        if (hint == TaskHint.REGRESSION) {
            if (!allNumeric)
                throw new DataException(null, file, lines[firstText], targetIndex, targetName,
                        "regression needs a numeric target, found '" + raw.get(firstText) + "'");
            classification = false;
        } else if (hint == TaskHint.CLASSIFICATION || !allNumeric) {
            classification = true;
        } else {
            classification = allWhole && Arrays.stream(values).distinct().limit(MAX_AUTO_CLASSES + 1).count() <= MAX_AUTO_CLASSES;
        }
        if (!classification) return Dataset.regression(file, names, x, cat, targetName, values);
        List<String> classes = new ArrayList<>();
        int[] labels = new int[n];
        if (allNumeric) {
            TreeMap<Double, Integer> sorted = new TreeMap<>();
            for (double v : values) sorted.put(v, 0);
            int k = 0;
            for (Map.Entry<Double, Integer> e : sorted.entrySet()) {
                e.setValue(k++);
                double v = e.getKey();
                classes.add(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
            }
            for (int i = 0; i < n; i++) labels[i] = sorted.get(values[i]);
        } else {
            TreeSet<String> sorted = new TreeSet<>(raw);
            Map<String, Integer> index = new HashMap<>();
            for (String s : sorted) {
                index.put(s, classes.size());
                classes.add(s);
            }
            for (int i = 0; i < n; i++) labels[i] = index.get(raw.get(i));
        }
        return Dataset.classification(file, names, x, cat, targetName, labels, classes);
    }

    /** True for the cells that mean "no value": empty, NA, NaN, ?. */
    public static boolean isMissing(String cell) {
        String s = cell.strip();
        return s.isEmpty() || s.equals("NA") || s.equals("NaN") || s.equals("?");
    }

    /** The cell as a number, or NaN when it is not one (Java-only forms like "1d" or "0x1p3" are rejected). */
    static double parseNumber(String cell) {
        String s = cell.strip();
        if (s.isEmpty()) return Double.NaN;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                if (s.equals("inf") || s.equals("-inf") || s.equals("Infinity") || s.equals("-Infinity"))
                    return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Splits CSV text into records of fields, tracking the line each record starts on. */
    private static final class CsvLexer {
        private final String file;
        private final String s;
        private int pos;
        private int line = 1;
        private int recordLine;

        CsvLexer(String file, String text) {
            this.file = file;
            this.s = text;
            if (!s.isEmpty() && s.charAt(0) == '\uFEFF') pos = 1;
        }

        int recordLine() {
            return recordLine;
        }

        /** The next non-blank record, or null at the end. */
        List<String> nextRecord() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') { pos++; line++; }
                else if (c == '\r') pos++;
                else break;
            }
            if (pos >= s.length()) return null;
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder quoted = new StringBuilder();
            while (true) {
                if (pos < s.length() && s.charAt(pos) == '"') {
                    pos++;
                    quoted.setLength(0);
                    while (true) {
                        if (pos >= s.length())
                            throw new DataException(null, file, recordLine, fields.size() + 1, null, "unterminated quoted field");
                        char c = s.charAt(pos++);
                        if (c == '"') {
                            if (pos < s.length() && s.charAt(pos) == '"') { quoted.append('"'); pos++; }
                            else break;
                        } else {
                            if (c == '\n') line++;
                            quoted.append(c);
                        }
                    }
                    int start = pos;
                    while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') pos++;
                    fields.add(quoted + s.substring(start, pos));
                } else {
                    int start = pos;
                    while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') pos++;
                    fields.add(s.substring(start, pos));
                }
                if (pos >= s.length()) return fields;
                char c = s.charAt(pos);
                if (c == ',') { pos++; continue; }
                if (c == '\r') pos++;
                if (pos < s.length() && s.charAt(pos) == '\n') { pos++; line++; }
                return fields;
            }
        }
    }
}
