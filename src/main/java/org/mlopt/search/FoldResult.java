package org.mlopt.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One fold of one trial: its metrics, the intermediate scores it reported (step → score), whether
 * a stopping rule stopped it, the error message if it failed, and its wall time.
 */
public record FoldResult(Map<String, Double> metrics, Map<Integer, Double> intermediate, boolean pruned, String error,
                         double seconds) {

    public FoldResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        intermediate = Collections.unmodifiableMap(new TreeMap<>(intermediate));
    }

    public boolean failed() {
        return error != null;
    }
}
