package org.mlopt.train;

import java.util.Map;

/**
 * One epoch of history: 1-based epoch, learning rate used, and metrics: {@code loss} (objective
 * minimised, including any penalty, averaged over samples), {@code accuracy} (running, training
 * mode) for class labels, {@code val_loss}/{@code val_accuracy} (data loss without penalty,
 * evaluation mode) when there is validation data, and the validation metrics that early stopping
 * or the schedule watch under their keys ({@code val_f1}, {@code val_f1_macro}, ...).
 */
public record EpochRecord(int epoch, double learningRate, Map<String, Double> metrics) {

    public EpochRecord {
        // Insertion order is kept: the history's columns come out in the same order on every run.
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    public double loss() {
        return metrics.get("loss");
    }

    /** A metric by name, NaN when absent. */
    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }
}
