package org.mlopt.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every candidate of a grid search. Unconditional keys form a product in scikit-learn's
 * {@code ParameterGrid} order (keys sorted, the first sorted key varying slowest), so ties in the
 * best score resolve as {@code GridSearchCV} resolves them. A conditional key ({@code when})
 * multiplies only the candidates where its condition holds and is absent from the others.
 * Each candidate lists its values in the space's declaration order.
 */
public final class GridEnumerator {

    private GridEnumerator() {}

    public static List<Map<String, String>> enumerate(List<SpaceKey> space) {
        List<SpaceKey> plain = new ArrayList<>();
        List<SpaceKey> conditional = new ArrayList<>();
        for (SpaceKey k : space) (k.conditional() ? conditional : plain).add(k);
        plain.sort((a, b) -> a.key().compareTo(b.key()));

        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (SpaceKey k : plain) out = extend(out, k, true);
        for (SpaceKey k : dependencyOrder(conditional)) out = extend(out, k, false);

        List<Map<String, String>> ordered = new ArrayList<>();
        for (Map<String, String> c : out) {
            Map<String, String> m = new LinkedHashMap<>();
            for (SpaceKey k : space) if (c.containsKey(k.key())) m.put(k.key(), c.get(k.key()));
            ordered.add(java.util.Collections.unmodifiableMap(m));
        }
        return ordered;
    }

    /** Number of candidates without listing them. */
    static int count(List<SpaceKey> space) {
        return enumerate(space).size();
    }

    private static List<Map<String, String>> extend(List<Map<String, String>> partial, SpaceKey key, boolean always) {
        List<String> values = key.values();
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> p : partial) {
            if (!always && !key.active(p)) {
                out.add(p);
                continue;
            }
            for (String v : values) {
                Map<String, String> m = new LinkedHashMap<>(p);
                m.put(key.key(), v);
                out.add(m);
            }
        }
        return out;
    }

    /** Conditional keys whose conditions name other conditional keys come after those keys. */
    private static List<SpaceKey> dependencyOrder(List<SpaceKey> conditional) {
        List<SpaceKey> ordered = new ArrayList<>();
        List<SpaceKey> pending = new ArrayList<>(conditional);
        while (!pending.isEmpty()) {
            boolean progressed = false;
            for (int i = 0; i < pending.size(); i++) {
                SpaceKey k = pending.get(i);
                boolean ready = true;
                for (String dep : k.conditions().keySet())
                    for (SpaceKey other : pending) if (other != k && other.key().equals(dep)) ready = false;
                if (ready) {
                    ordered.add(pending.remove(i));
                    progressed = true;
                    break;
                }
            }
            if (!progressed) throw new IllegalArgumentException("search space conditions form a cycle: " + pending.get(0).key());
        }
        return ordered;
    }
}
