package org.mlopt.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mlopt.metric.MetricValue;
import org.mlopt.metric.Metrics;
import org.mlopt.metric.Predictions;

/**
 * A metric of {@code org.mlopt.metric} computed on the validation data once per epoch and recorded
 * in the history under {@code key} (for instance {@code val_f1}, or {@code val_f1_macro} for
 * {@code f1(average: macro)}). {@code params} are the metric's script parameters (strings or
 * numbers); parameters left out take the metric's data-dependent defaults.
 */
public record ValidationMetric(String key, String metric, Map<String, Object> params) {

    public ValidationMetric {
        if (key == null || !key.startsWith("val_")) {
            throw new IllegalArgumentException("a validation metric's history name starts with val_, got " + key);
        }
        Metrics.isClassification(metric); // rejects unknown names
        if (metric.equals("confusion_matrix")) {
            throw new IllegalArgumentException("confusion_matrix gives a matrix, not one number to watch");
        }
        params = Map.copyOf(params);
    }

    /** Metric {@code metric} with its defaults, recorded as {@code val_<metric>}. */
    public static ValidationMetric of(String metric) {
        return new ValidationMetric("val_" + metric, metric, Map.of());
    }

    /**
     * Metric {@code metric} with {@code params}, recorded as {@code val_<metric>} followed by the
     * parameter values in order ({@code f1}, {average: macro} gives {@code val_f1_macro}).
     */
    public static ValidationMetric of(String metric, Map<String, Object> params) {
        StringBuilder key = new StringBuilder("val_").append(metric);
        Map<String, Object> ordered = new LinkedHashMap<>(params);
        for (Object v : ordered.values()) {
            key.append('_').append(word(v));
        }
        return new ValidationMetric(key.toString(), metric, ordered);
    }

    private static String word(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v).replaceAll("[^A-Za-z0-9.+-]+", "_");
    }

    /** True for metrics where a larger value is better (accuracy, f1, r2, ...). */
    public boolean higherIsBetter() {
        return Metrics.higherIsBetter(metric);
    }

    /** True for metrics on class labels or probabilities. */
    public boolean classification() {
        return Metrics.isClassification(metric);
    }

    /** True when the metric needs class probabilities (roc_auc, log_loss). */
    public boolean needsProbabilities() {
        return Metrics.needsProbabilities(metric);
    }

    /** The metric's value on {@code p}. */
    public double score(Predictions p) {
        return ((MetricValue.Scalar) Metrics.compute(metric, params, p)).value();
    }
}
