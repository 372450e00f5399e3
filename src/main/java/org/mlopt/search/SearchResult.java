package org.mlopt.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a search: every finished trial by number, the scoring metric and direction, and
 * the best trial (highest mean fold score among complete trials of the final rungs; ties go to
 * the earliest trial, as scikit-learn's {@code best_index_}). {@code cancelled} is true when the
 * search stopped before every trial ran.
 */
public record SearchResult(List<TrialResult> trials, String metric, Direction direction, Optional<TrialResult> best,
                           boolean cancelled, String sampler) {

    public SearchResult {
        trials = List.copyOf(trials);
    }

    public Optional<Config> bestConfig() {
        return best.map(TrialResult::config);
    }

    /** The best trial's mean fold score; NaN when no trial completed. */
    public double bestScore() {
        return best.map(t -> t.mean(metric)).orElse(Double.NaN);
    }

    /** A JSON-ready map for {@code --json}: settings, best trial and the trials table. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sampler", sampler);
        m.put("metric", metric);
        m.put("direction", direction.name().toLowerCase());
        m.put("cancelled", cancelled);
        m.put("best_trial", best.map(TrialResult::number).orElse(null));
        m.put("best_params", best.map(t -> (Object) t.config().values()).orElse(null));
        m.put("best_score", best.isPresent() ? bestScore() : null);
        List<Object> rows = new ArrayList<>();
        for (TrialResult t : trials) {
            Map<String, Object> r = TrialLog.toJson(t);
            r.put("mean_score", t.mean(metric));
            r.put("std_score", t.sd(metric));
            rows.add(r);
        }
        m.put("trials", rows);
        return m;
    }
}
