package org.mlopt.metric;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Computes a metric by its script name ({@code accuracy, precision, recall, f1,
 * confusion_matrix, roc_auc, log_loss, mse, rmse, mae, r2}) with its script parameters.
 *
 * <p>Parameters: {@code average} (binary|macro|micro|weighted) and {@code positive} (a class
 * name) for precision/recall/f1; {@code average} (macro|weighted) and {@code multi_class}
 * (ovr) for roc_auc. Defaults: on two classes {@code average: binary} with the second sorted
 * class positive (scikit-learn's {@code pos_label=1} for 0/1 targets); on more classes
 * {@code average: macro}. roc_auc on two classes scores the positive class's probability.
 */
public final class Metrics {

    private static final Set<String> CLASSIFICATION = Set.of("accuracy", "precision", "recall", "f1", "confusion_matrix", "roc_auc", "log_loss");
    private static final Set<String> REGRESSION = Set.of("mse", "rmse", "mae", "r2");
    private static final Set<String> MINIMISED = Set.of("log_loss", "mse", "rmse", "mae", "params");

    /**
     * The model's non-zero parameter count: a property of the model, not of its predictions, so
     * the runtime reads it off the model; it fits either task.
     */
    public static final String PARAMS = "params";

    private Metrics() {}

    /** True for metrics where a larger value is better. */
    public static boolean higherIsBetter(String name) {
        checkKnown(name);
        return !MINIMISED.contains(name);
    }

    /** True for metrics on class labels or probabilities. */
    public static boolean isClassification(String name) {
        checkKnown(name);
        if (name.equals(PARAMS)) return false;
        return CLASSIFICATION.contains(name);
    }

    /** True for metrics needing class probabilities. */
    public static boolean needsProbabilities(String name) {
        return name.equals("roc_auc") || name.equals("log_loss");
    }

    /** Computes metric {@code name} with {@code params} (values as strings or numbers) on {@code p}. */
    public static MetricValue compute(String name, Map<String, Object> params, Predictions p) {
        checkKnown(name);
        if (name.equals(PARAMS)) throw new IllegalArgumentException("params is read off the model, not computed from predictions");
        if (CLASSIFICATION.contains(name) != p.isClassification())
            throw new IllegalArgumentException("metric '" + name + "' is for " + (p.isClassification() ? "regression" : "classification")
                    + " targets");
        switch (name) {
            case "mse": return scalar(RegressionMetrics.mse(p.trueValues(), p.predictedValues()));
            case "rmse": return scalar(RegressionMetrics.rmse(p.trueValues(), p.predictedValues()));
            case "mae": return scalar(RegressionMetrics.mae(p.trueValues(), p.predictedValues()));
            case "r2": return scalar(RegressionMetrics.r2(p.trueValues(), p.predictedValues()));
            case "accuracy": return scalar(ClassificationMetrics.accuracy(p.trueLabels(), p.predictedLabels()));
            case "confusion_matrix":
                return new MetricValue.Matrix(ClassificationMetrics.confusionMatrix(p.trueLabels(), p.predictedLabels(), p.classes().size()), p.classes());
            case "log_loss": return scalar(ProbabilityMetrics.logLoss(p.trueLabels(), probabilities(name, p)));
            case "roc_auc": {
                String mc = String.valueOf(params.getOrDefault("multi_class", "ovr"));
                if (!mc.equals("ovr")) throw new IllegalArgumentException("roc_auc supports multi_class: ovr, not " + mc);
                Average avg = Average.parse(String.valueOf(params.getOrDefault("average", "macro")));
                return scalar(ProbabilityMetrics.rocAucOvr(p.trueLabels(), probabilities(name, p), avg));
            }
            default: {
                int k = p.classes().size();
                Average avg = params.containsKey("average") ? Average.parse(String.valueOf(params.get("average")))
                        : k == 2 ? Average.BINARY : Average.MACRO;
                int positive = k - 1;
                if (params.containsKey("positive")) {
                    String pos = String.valueOf(params.get("positive"));
                    positive = p.classes().indexOf(pos);
                    if (positive < 0) throw new IllegalArgumentException("positive class '" + pos + "' is not one of " + p.classes());
                }
                ClassificationMetrics.Scores s = ClassificationMetrics.scores(p.trueLabels(), p.predictedLabels(), k, avg, positive);
                return scalar(name.equals("precision") ? s.precision() : name.equals("recall") ? s.recall() : s.f1());
            }
        }
    }

    private static org.ejml.data.DMatrixRMaj probabilities(String name, Predictions p) {
        if (p.probabilities() == null) throw new IllegalArgumentException("metric '" + name + "' needs class probabilities, which this model does not give");
        return p.probabilities();
    }

    private static MetricValue scalar(double v) {
        return new MetricValue.Scalar(v);
    }

    private static void checkKnown(String name) {
        if (!CLASSIFICATION.contains(name) && !REGRESSION.contains(name) && !name.equals(PARAMS))
            throw new IllegalArgumentException("unknown metric '" + name.toLowerCase(Locale.ROOT) + "'");
    }
}
