package org.mlopt.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The finished trials a proposal may use, in trial-number order, with the score they are ranked by.
 * The runner passes only trials of earlier waves, so a proposal never depends on timing.
 */
public record History(List<TrialResult> trials, String metric, Direction direction) {

    public History {
        trials = List.copyOf(trials);
    }

    public static History empty(String metric, Direction direction) {
        return new History(List.of(), metric, direction);
    }

    /** Complete trials with a finite score, in trial-number order. */
    public List<TrialResult> complete() {
        List<TrialResult> out = new ArrayList<>();
        for (TrialResult t : trials) if (t.state() == TrialState.COMPLETE && Double.isFinite(t.mean(metric))) out.add(t);
        return out;
    }
}
