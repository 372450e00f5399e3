package org.mlopt.exec;

import org.mlopt.ast.Span;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A component call or settings block with every parameter resolved: positional arguments named,
 * defaults filled in from the schema. Values are Double, Boolean, String (strings and bare words),
 * {@link Bound} (nested calls and blocks) or List of those. The checker has already validated
 * types and ranges, so the accessors only convert.
 *
 * @param name the component's name, or the block's statement keyword / option group
 */
public record Bound(String name, Map<String, Object> values, Span span) {

    public Bound {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public Object get(String key) {
        return values.get(key);
    }

    public double number(String key) {
        Object v = values.get(key);
        if (v instanceof Double d) return d;
        throw missing(key, "a number");
    }

    public double number(String key, double fallback) {
        return values.get(key) instanceof Double d ? d : fallback;
    }

    public int integer(String key) {
        return (int) Math.round(number(key));
    }

    public int integer(String key, int fallback) {
        return values.get(key) instanceof Double d ? (int) Math.round(d) : fallback;
    }

    public boolean bool(String key, boolean fallback) {
        return values.get(key) instanceof Boolean b ? b : fallback;
    }

    /** A string or bare word. */
    public String word(String key) {
        Object v = values.get(key);
        if (v instanceof String s) return s;
        if (v instanceof Bound b) return b.name();
        throw missing(key, "a name");
    }

    public Optional<String> optionalWord(String key) {
        Object v = values.get(key);
        if (v instanceof String s) return Optional.of(s);
        if (v instanceof Bound b) return Optional.of(b.name());
        return Optional.empty();
    }

    /** A nested call or block; a bare word stands for the component called without arguments. */
    public Optional<Bound> call(String key) {
        Object v = values.get(key);
        if (v instanceof Bound b) return Optional.of(b);
        if (v instanceof String s) return Optional.of(new Bound(s, Map.of(), span));
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        Object v = values.get(key);
        if (v instanceof List<?> l) return (List<Object>) l;
        if (v == null) return List.of();
        return List.of(v);
    }

    private IllegalStateException missing(String key, String what) {
        return new IllegalStateException(name + "." + key + " should be " + what + " after checking, but is " + values.get(key));
    }
}
