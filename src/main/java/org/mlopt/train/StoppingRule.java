package org.mlopt.train;

/**
 * The improvement bookkeeping of early stopping, as Keras' {@code EarlyStopping}: a value improves
 * when it beats the best so far by more than {@code minDelta} in the watched direction; after
 * {@code patience} epochs in a row without improvement training stops (patience 0 stops at the
 * first epoch that does not improve). A NaN value never improves. One instance per training run.
 */
public final class StoppingRule {

    /** What an epoch's value means for training. */
    public enum Verdict { IMPROVED, WAIT, STOP }

    private final boolean maximize;
    private final double minDelta;
    private final int patience;
    private double best;
    private int bestEpoch;
    private int wait;

    public StoppingRule(boolean maximize, double minDelta, int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be non-negative, got " + patience);
        }
        if (!(minDelta >= 0.0)) {
            throw new IllegalArgumentException("min_delta must be non-negative, got " + minDelta);
        }
        this.maximize = maximize;
        this.minDelta = minDelta;
        this.patience = patience;
        this.best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** The rule of {@code es}. */
    public static StoppingRule of(EarlyStopping es) {
        return new StoppingRule(es.maximize(), es.minDelta(), es.patience());
    }

    /** Records the value of 1-based {@code epoch} and says whether it improved, or training should stop. */
    public Verdict offer(int epoch, double value) {
        boolean improved = maximize ? value > best + minDelta : value < best - minDelta;
        if (improved) {
            best = value;
            bestEpoch = epoch;
            wait = 0;
            return Verdict.IMPROVED;
        }
        return ++wait >= patience ? Verdict.STOP : Verdict.WAIT;
    }

    /** The best value so far (±infinity before any improvement). */
    public double best() {
        return best;
    }

    /** The 1-based epoch of the best value, 0 before any improvement. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
