package org.mlopt.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One named dimension of a search space. With conditions ({@code when}) it is active only when
 * every named dimension is active and has one of the listed values; otherwise the dimension is
 * absent from the configuration.
 *
 * @param name   the key as written ({@code C}, {@code opt.lr}, {@code net.dense[0]})
 * @param domain the values it takes
 * @param when   dimension name → accepted values; empty when unconditional
 */
public record Dimension(String name, Domain domain, Map<String, List<Object>> when) {

    public Dimension {
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        when.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        when = Collections.unmodifiableMap(copy);
    }

    public static Dimension of(String name, Domain domain) {
        return new Dimension(name, domain, Map.of());
    }

    /** This dimension, active only when {@code other} has one of {@code values}. */
    public Dimension when(String other, Object... values) {
        Map<String, List<Object>> m = new LinkedHashMap<>(when);
        m.put(other, List.of(values));
        return new Dimension(name, domain, m);
    }

    public boolean conditional() {
        return !when.isEmpty();
    }

    /** Whether the dimension is active given the values chosen so far. */
    public boolean active(Map<String, Object> chosen) {
        for (Map.Entry<String, List<Object>> c : when.entrySet()) {
            Object v = chosen.get(c.getKey());
            if (v == null || c.getValue().stream().noneMatch(x -> ConfigValues.same(x, v))) return false;
        }
        return true;
    }

    /** {@code name: domain}, with {@code when(...)} around a conditional one. */
    public String describe() {
        if (!conditional()) return name + ": " + domain.describe();
        List<String> parts = new ArrayList<>();
        when.forEach((k, v) -> parts.add(k + ": " + (v.size() == 1 ? ConfigValues.format(v.get(0)) : "[" + ConfigValues.join(v) + "]")));
        return name + ": when(" + String.join(", ", parts) + ", " + domain.describe() + ")";
    }
}
