package org.mlopt.util;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer with stable output and a tolerant reader, for {@code --json} output and
 * resumable run files.
 *
 * <p>Writer: objects keep their map's iteration order (use {@link LinkedHashMap} for insertion
 * order); doubles print as the shortest decimal that reads back to the same double, in Python's
 * {@code repr} style ({@code 0.1}, {@code 3.0}, {@code 1e-05}, {@code 1e+16}); integral types
 * print as integers; NaN and ±Infinity print as {@code null}, because strict JSON has no such
 * numbers. Accepted values: null, Boolean, Number, CharSequence, Map (keys by
 * {@code String.valueOf}), Iterable, Object[], double[], float[], int[], long[], and
 * {@link Enum} (by name).
 *
 * <p>Reader: standard JSON plus what Python's {@code json} writes or people type by hand:
 * {@code NaN}, {@code Infinity}, {@code -Infinity}, trailing commas and {@code //} line
 * comments. Objects become {@link LinkedHashMap}, arrays {@link ArrayList}, integers without
 * fraction or exponent {@link Long} (or {@link Double} when too large), other numbers
 * {@link Double}.
 */
public final class Json {

    private Json() {}

    /** Compact JSON text of {@code value}. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, -1, 0);
        return sb.toString();
    }

    /** Indented JSON text (two spaces per level), ending without a newline. */
    public static String writePretty(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 2, 0);
        return sb.toString();
    }

    /**
     * A map's entries in an order that is the same on every run: insertion order for ordered maps,
     * key order for hash maps and {@code Map.of}, whose iteration order changes from one JVM to the next.
     */
    private static Iterable<? extends Map.Entry<?, ?>> inStableOrder(Map<?, ?> m) {
        String type = m.getClass().getName();
        boolean unordered = m.getClass() == java.util.HashMap.class || type.equals("java.util.ImmutableCollections$MapN");
        if (!unordered) return m.entrySet();
        List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
        entries.sort(java.util.Comparator.comparing(e -> String.valueOf(e.getKey())));
        return entries;
    }

    private static void write(StringBuilder sb, Object v, int indent, int depth) {
        if (v == null) sb.append("null");
        else if (v instanceof Boolean b) sb.append(b);
        else if (v instanceof Double d) sb.append(number(d));
        else if (v instanceof Float f) sb.append(number(f.doubleValue()));
        else if (v instanceof BigDecimal bd) sb.append(bd.toString());
        else if (v instanceof Number n) sb.append(n.longValue());
        else if (v instanceof CharSequence s) quote(sb, s.toString());
        else if (v instanceof Enum<?> e) quote(sb, e.name());
        else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : inStableOrder(m)) {
                if (!first) sb.append(',');
                first = false;
                newline(sb, indent, depth + 1);
                quote(sb, String.valueOf(e.getKey()));
                sb.append(indent >= 0 ? ": " : ":");
                write(sb, e.getValue(), indent, depth + 1);
            }
            if (!first) newline(sb, indent, depth);
            sb.append('}');
        } else if (v instanceof Iterable<?> it) {
            List<Object> items = new ArrayList<>();
            it.forEach(items::add);
            array(sb, items, indent, depth);
        } else if (v instanceof Object[] a) array(sb, List.of(a), indent, depth);
        else if (v instanceof double[] a) array(sb, boxed(a), indent, depth);
        else if (v instanceof float[] a) {
            List<Object> l = new ArrayList<>();
            for (float x : a) l.add((double) x);
            array(sb, l, indent, depth);
        } else if (v instanceof int[] a) {
            List<Object> l = new ArrayList<>();
            for (int x : a) l.add(x);
            array(sb, l, indent, depth);
        } else if (v instanceof long[] a) {
            List<Object> l = new ArrayList<>();
            for (long x : a) l.add(x);
            array(sb, l, indent, depth);
        } else throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }

    private static List<Object> boxed(double[] a) {
        List<Object> l = new ArrayList<>(a.length);
        for (double x : a) l.add(x);
        return l;
    }

    private static void array(StringBuilder sb, List<?> items, int indent, int depth) {
        sb.append('[');
        // Arrays of plain numbers stay on one line even when pretty-printing.
        boolean flat = items.stream().allMatch(o -> o == null || o instanceof Number);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(flat && indent >= 0 ? ", " : ",");
            if (!flat) newline(sb, indent, depth + 1);
            write(sb, items.get(i), indent, depth + 1);
        }
        if (!flat && !items.isEmpty()) newline(sb, indent, depth);
        sb.append(']');
    }

    private static void newline(StringBuilder sb, int indent, int depth) {
        if (indent < 0) return;
        sb.append('\n');
        for (int i = 0; i < indent * depth; i++) sb.append(' ');
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    /**
     * The shortest decimal that reads back as {@code d}, formatted like Python's {@code repr}:
     * positional for exponents in [-4, 16), otherwise {@code d.ddde±XX}. NaN and infinities
     * give {@code null}.
     */
    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return "null";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        // Double.toString always reads back exactly but on Java 17 sometimes has a digit too many;
        // the shortest rounding of it that still reads back is the answer.
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d)));
        BigDecimal shortest = exact;
        for (int p = 1; p < exact.precision(); p++) {
            BigDecimal b = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (b.doubleValue() == Math.abs(d)) {
                shortest = b;
                break;
            }
        }
        BigDecimal unscaledDigits = shortest.stripTrailingZeros();
        String digits = unscaledDigits.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - unscaledDigits.scale(); // decimal exponent of first digit
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = unscaledDigits.toPlainString();
            if (!plain.contains(".")) plain += ".0";
            return sign + plain;
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    /** Parses JSON text (tolerantly, see the class comment). */
    public static Object read(String text) {
        Reader r = new Reader(text);
        r.skip();
        Object v = r.value();
        r.skip();
        if (r.pos < text.length()) throw r.error("unexpected text after the JSON value");
        return v;
    }

    /** Thrown for malformed JSON; the message names the line and column. */
    public static final class JsonException extends RuntimeException {
        public JsonException(String message) {
            super(message);
        }
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        JsonException error(String what) {
            int line = 1, col = 1;
            for (int i = 0; i < Math.min(pos, s.length()); i++) {
                if (s.charAt(i) == '\n') { line++; col = 1; } else col++;
            }
            return new JsonException("JSON line " + line + ", column " + col + ": " + what);
        }

        void skip() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF') pos++;
                else if (c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '/') {
                    while (pos < s.length() && s.charAt(pos) != '\n') pos++;
                } else break;
            }
        }

        Object value() {
            if (pos >= s.length()) throw error("unexpected end of input");
            char c = s.charAt(pos);
            switch (c) {
                case '{': return object();
                case '[': return array();
                case '"': return string();
                default:
                    if (s.startsWith("true", pos)) { pos += 4; return Boolean.TRUE; }
                    if (s.startsWith("false", pos)) { pos += 5; return Boolean.FALSE; }
                    if (s.startsWith("null", pos)) { pos += 4; return null; }
                    if (s.startsWith("NaN", pos)) { pos += 3; return Double.NaN; }
                    if (s.startsWith("Infinity", pos)) { pos += 8; return Double.POSITIVE_INFINITY; }
                    if (s.startsWith("-Infinity", pos)) { pos += 9; return Double.NEGATIVE_INFINITY; }
                    if (c == '-' || (c >= '0' && c <= '9')) return number();
                    throw error("unexpected character '" + c + "'");
            }
        }

        Map<String, Object> object() {
            pos++;
            Map<String, Object> m = new LinkedHashMap<>();
            skip();
            while (true) {
                if (pos >= s.length()) throw error("unterminated object");
                if (s.charAt(pos) == '}') { pos++; return m; }
                if (s.charAt(pos) != '"') throw error("expected a quoted key");
                String key = string();
                skip();
                expect(':');
                skip();
                m.put(key, value());
                skip();
                if (pos < s.length() && s.charAt(pos) == ',') { pos++; skip(); }
                else if (pos < s.length() && s.charAt(pos) != '}') throw error("expected ',' or '}'");
            }
        }

        List<Object> array() {
            pos++;
            List<Object> l = new ArrayList<>();
            skip();
            while (true) {
                if (pos >= s.length()) throw error("unterminated array");
                if (s.charAt(pos) == ']') { pos++; return l; }
                l.add(value());
                skip();
                if (pos < s.length() && s.charAt(pos) == ',') { pos++; skip(); }
                else if (pos < s.length() && s.charAt(pos) != ']') throw error("expected ',' or ']'");
            }
        }

        void expect(char c) {
            if (pos >= s.length() || s.charAt(pos) != c) throw error("expected '" + c + "'");
            pos++;
        }

        String string() {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) throw error("unterminated string");
                char c = s.charAt(pos++);
                if (c == '"') return sb.toString();
                if (c != '\\') { sb.append(c); continue; }
                if (pos >= s.length()) throw error("unterminated string");
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) throw error("bad \\u escape");
                        try {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }

        Object number() {
            int start = pos;
            if (s.charAt(pos) == '-') pos++;
            boolean integral = true;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c >= '0' && c <= '9') pos++;
                else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') { integral = false; pos++; }
                else break;
            }
            String t = s.substring(start, pos);
            try {
                if (integral) {
                    try {
                        return Long.parseLong(t);
                    } catch (NumberFormatException tooLong) {
                        return Double.parseDouble(t);
                    }
                }
                return Double.parseDouble(t);
            } catch (NumberFormatException ex) {
                pos = start;
                throw error("malformed number '" + t + "'");
            }
        }
    }
}
