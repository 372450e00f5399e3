package org.mlopt.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The trials no other trial beats on every objective at once. A trial dominates another when it
 * is at least as good on every objective and strictly better on one; the front is every complete
 * trial that nothing dominates, as Optuna's {@code study.best_trials}. Scores are the mean over
 * folds; a trial missing a score takes no part.
 */
public final class ParetoFront {

    private ParetoFront() {}

    /** One objective: a recorded metric and whether higher is better. */
    public record Objective(String metric, Direction direction) {
        /** The score oriented so that larger is better. */
        double gain(TrialResult t) {
            double v = t.mean(metric);
            return direction == Direction.MAXIMIZE ? v : -v;
        }
    }

    /**
     * The front, best first on the first objective, then the next (and by trial number last), so
     * the first entry is the one a multi-objective search refits.
     */
    public static List<TrialResult> of(List<TrialResult> trials, List<Objective> objectives) {
        if (objectives.isEmpty()) throw new IllegalArgumentException("a Pareto front needs at least one objective");
        List<TrialResult> scored = new ArrayList<>();
        for (TrialResult t : trials) if (t.state() == TrialState.COMPLETE && allScored(t, objectives)) scored.add(t);
        List<TrialResult> front = new ArrayList<>();
        for (TrialResult candidate : scored) {
            boolean dominated = false;
            for (TrialResult other : scored) {
                if (other != candidate && dominates(other, candidate, objectives)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) front.add(candidate);
        }
        Comparator<TrialResult> order = null;
        for (Objective o : objectives) {
            Comparator<TrialResult> next = Comparator.comparingDouble((TrialResult t) -> -o.gain(t));
            order = order == null ? next : order.thenComparing(next);
        }
        front.sort(order.thenComparingInt(TrialResult::number));
        return front;
    }

    /** True when {@code a} is at least as good as {@code b} on every objective and better on one. */
    public static boolean dominates(TrialResult a, TrialResult b, List<Objective> objectives) {
        boolean better = false;
        for (Objective o : objectives) {
            double ga = o.gain(a);
            double gb = o.gain(b);
            if (ga < gb) return false;
            if (ga > gb) better = true;
        }
        return better;
    }

    private static boolean allScored(TrialResult t, List<Objective> objectives) {
        for (Objective o : objectives) if (Double.isNaN(t.mean(o.metric()))) return false;
        return true;
    }
}
