package org.mlopt.search;

import java.util.List;

/**
 * A finished trial: configuration {@code config} evaluated on every fold with {@code resource}.
 * Under halving and Hyperband, {@code bracket} and {@code rung} place it (both 0 otherwise).
 *
 * @param number  0-based trial number; trial numbers fix proposal, seed and tie-break order
 * @param seconds wall time summed over folds
 */
public record TrialResult(int number, Config config, int bracket, int rung, Resource resource, List<FoldResult> folds,
                          double seconds) {

    public TrialResult {
        folds = List.copyOf(folds);
    }

    /** Failed if any fold failed, else pruned if any fold was stopped, else complete. */
    public TrialState state() {
        for (FoldResult f : folds) if (f.failed()) return TrialState.FAILED;
        for (FoldResult f : folds) if (f.pruned()) return TrialState.PRUNED;
        return TrialState.COMPLETE;
    }

    /** The first failure's message, or null. */
    public String message() {
        for (int i = 0; i < folds.size(); i++)
            if (folds.get(i).failed()) return "fold " + (i + 1) + ": " + folds.get(i).error();
        return null;
    }

    /** Unweighted mean over folds of {@code metric} (as scikit-learn's {@code mean_test_score}); NaN if a fold lacks it. */
    public double mean(String metric) {
        if (folds.isEmpty()) return Double.NaN;
        double sum = 0;
        for (FoldResult f : folds) {
            Double v = f.metrics().get(metric);
            if (v == null) return Double.NaN;
            sum += v;
        }
        return sum / folds.size();
    }

    /** Population standard deviation over folds (scikit-learn's {@code std_test_score}). */
    public double sd(String metric) {
        double m = mean(metric);
        if (Double.isNaN(m)) return Double.NaN;
        double ss = 0;
        for (FoldResult f : folds) {
            double d = f.metrics().get(metric) - m;
            ss += d * d;
        }
        return Math.sqrt(ss / folds.size());
    }

    /** The score a search ranks by: the fold mean for complete trials, NaN otherwise. */
    public double score(String metric) {
        return state() == TrialState.COMPLETE ? mean(metric) : Double.NaN;
    }
}
