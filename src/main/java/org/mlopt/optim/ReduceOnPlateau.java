package org.mlopt.optim;

/**
 * ReduceLROnPlateau (threshold mode 'rel', no cooldown): when the monitored value has not improved
 * by a relative {@code threshold} for more than {@code patience} epochs, the rate is multiplied by
 * {@code factor}, never below {@code minLr}. Stateful: one instance per training run.
 */
public final class ReduceOnPlateau implements LrSchedule {

    private final boolean maximize;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final double minLr;
    private double scale = 1.0;
    private double best;
    private int badEpochs;

    public ReduceOnPlateau(boolean maximize, double factor, int patience, double threshold, double minLr) {
        if (!(factor > 0.0 && factor < 1.0)) {
            throw new IllegalArgumentException("Factor should be < 1.0, got " + factor);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be non-negative, got " + patience);
        }
        if (!(threshold >= 0.0) || !(minLr >= 0.0)) {
            throw new IllegalArgumentException("threshold and min_lr must be non-negative");
        }
        this.maximize = maximize;
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.minLr = minLr;
        this.best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** PyTorch defaults: mode min, factor 0.1, patience 10, threshold 1e-4, min_lr 0. */
    public ReduceOnPlateau() {
        this(false, 0.1, 10, 1e-4, 0.0);
    }

    public double learningRate(int epoch, double baseLr) {
        return Math.max(baseLr * scale, Math.min(minLr, baseLr));
    }

    public void endOfEpoch(int epoch, double monitored) {
        boolean better = maximize ? monitored > best * (1.0 + threshold) : monitored < best * (1.0 - threshold);
        if (better) {
            best = monitored;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (badEpochs > patience) {
            scale *= factor;
            badEpochs = 0;
        }
    }
}
