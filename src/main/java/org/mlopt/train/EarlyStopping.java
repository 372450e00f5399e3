package org.mlopt.train;

/**
 * Stop when {@code monitor} (a history key: loss, accuracy, val_loss, val_accuracy) has not improved
 * by more than {@code minDelta} for {@code patience} epochs; {@code restoreBest} puts back the
 * parameters of the best epoch at the end. Accuracies are maximised, everything else minimised.
 */
public record EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBest) {

    public EarlyStopping {
        if (monitor == null || monitor.isBlank()) {
            throw new IllegalArgumentException("early stopping needs a monitored value");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be non-negative, got " + patience);
        }
        if (!(minDelta >= 0.0)) {
            throw new IllegalArgumentException("min_delta must be non-negative, got " + minDelta);
        }
    }

    public boolean maximize() {
        return monitor.endsWith("accuracy");
    }
}
