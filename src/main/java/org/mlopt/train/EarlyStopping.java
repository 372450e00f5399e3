package org.mlopt.train;

import java.util.Set;

/**
 * Stop when {@code monitor} (a history key: {@code loss}, {@code accuracy}, {@code val_loss},
 * {@code val_accuracy}, or the key of {@code metric}) has not improved by more than
 * {@code minDelta} for {@code patience} epochs (see {@link StoppingRule}); {@code restoreBest} puts
 * back the parameters of the best epoch at the end. {@code maximize} says whether larger values are
 * better. {@code metric}, when not null, is computed on the validation data every epoch and
 * recorded under {@code monitor}, which must be its key.
 */
public record EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBest, boolean maximize,
        ValidationMetric metric) {

    /** History keys whose larger values are better, when the direction is inferred from the name. */
    private static final Set<String> MAXIMISED = Set.of("accuracy", "precision", "recall", "f1", "roc_auc", "r2");

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
        if (metric != null && !metric.key().equals(monitor)) {
            throw new IllegalArgumentException("early stopping monitors '" + monitor + "' but its metric is recorded as '" + metric.key() + "'");
        }
    }

    /** Watches a value the trainer always records, with the direction its name implies. */
    public EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBest) {
        this(monitor, patience, minDelta, restoreBest, higherIsBetter(monitor), null);
    }

    /** Watches a validation metric, in the metric's own direction. */
    public EarlyStopping(ValidationMetric metric, int patience, double minDelta, boolean restoreBest) {
        this(metric.key(), patience, minDelta, restoreBest, metric.higherIsBetter(), metric);
    }

    /** The same with the direction given ({@code mode: min|max}). */
    public EarlyStopping withMaximize(boolean max) {
        return new EarlyStopping(monitor, patience, minDelta, restoreBest, max, metric);
    }

    /**
     * Whether larger is better for a history key: accuracy, precision, recall, f1, roc_auc and r2
     * (with or without {@code val_} and a parameter suffix such as {@code _macro}) are maximised;
     * losses and errors minimised.
     */
    public static boolean higherIsBetter(String key) {
        String base = key.startsWith("val_") ? key.substring(4) : key;
        for (String m : MAXIMISED) {
            if (base.equals(m) || base.startsWith(m + "_")) {
                return true;
            }
        }
        return false;
    }
}
