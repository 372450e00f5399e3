package org.mlopt.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One configuration of a search: key (the space's path text, {@code C}, {@code opt.lr}) to value
 * ({@link Double}, {@link String} word or {@link Boolean}), in the space's declaration order.
 * Inactive conditional keys are absent. Immutable.
 */
public final class Config {

    private final Map<String, Object> values;

    public Config(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!(v instanceof Double || v instanceof String || v instanceof Boolean))
                throw new IllegalArgumentException("configuration value of " + k + " must be a Double, String or Boolean: " + v);
            copy.put(k, v);
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    /** Keys and values in declaration order (unmodifiable). */
    public Map<String, Object> values() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Object get(String key) {
        Object v = values.get(key);
        if (v == null) throw new IllegalArgumentException("configuration has no key " + key + " (keys: " + values.keySet() + ")");
        return v;
    }

    public double number(String key) {
        Object v = get(key);
        if (v instanceof Double d) return d;
        throw new IllegalArgumentException("configuration key " + key + " is not a number: " + ConfigValues.format(v));
    }

    public String word(String key) {
        return ConfigValues.format(get(key));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** {@code C=1, penalty=l2}. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ");
        values.forEach((k, v) -> out.add(k + "=" + ConfigValues.format(v)));
        return out.toString();
    }
}
