package org.mlopt.search;

import org.mlopt.ast.Literals;
import org.mlopt.util.Json;

import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/** Formats configuration values as mlopt source text: {@code 1}, {@code 0.001}, {@code l2}, {@code "a b"}, {@code true}. */
public final class ConfigValues {

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ConfigValues() {}

    public static String format(Object value) {
        if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
            return Json.number(d);
        }
        if (value instanceof String s) return WORD.matcher(s).matches() && !s.equals("true") && !s.equals("false") ? s : Literals.quote(s);
        return String.valueOf(value);
    }

    static String join(List<Object> values) {
        StringJoiner out = new StringJoiner(", ");
        for (Object v : values) out.add(format(v));
        return out.toString();
    }

    /** Whether two configuration values are the same (numbers by value). */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        return a != null && a.equals(b);
    }

    /** Converts a value read from JSON (Long, Double, String, Boolean) to a configuration value. */
    static Object fromJson(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof String || v instanceof Boolean) return v;
        throw new IllegalArgumentException("not a configuration value: " + v);
    }
}
