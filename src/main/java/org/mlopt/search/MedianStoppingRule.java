package org.mlopt.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stops a fold whose intermediate score at a step is worse than the median of the scores other
 * trials reported at the same step of the same fold (as Optuna's {@code MedianPruner}): only from
 * step {@code warmup} on, and only when at least {@code minTrials} complete trials reported that
 * step. Compared trials are those of earlier waves, which makes the decision independent of
 * thread count and completion order.
 */
public record MedianStoppingRule(int warmup, int minTrials) {

    public MedianStoppingRule {
        if (warmup < 0 || minTrials < 1)
            throw new IllegalArgumentException("median_stop needs warmup >= 0 and min_trials >= 1, got " + warmup + ", " + minTrials);
    }

    /** Whether {@code score} at {@code step} of {@code fold} should stop the fit. */
    public boolean stop(List<TrialResult> peers, int fold, int step, double score, Direction direction) {
        if (step < warmup) return false;
        List<Double> values = new ArrayList<>();
        for (TrialResult t : peers) {
            if (t.state() != TrialState.COMPLETE || fold >= t.folds().size()) continue;
            Double v = t.folds().get(fold).intermediate().get(step);
            if (v != null && !Double.isNaN(v)) values.add(v);
        }
        if (values.size() < minTrials) return false;
        double median = median(values);
        return Double.isNaN(score) || direction.better(median, score);
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
