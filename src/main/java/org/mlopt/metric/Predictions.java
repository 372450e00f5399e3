package org.mlopt.metric;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * What a model predicted on a dataset, with the truth: class indices (and optionally class
 * probabilities, n×k in class order) for classification, numbers for regression.
 */
public record Predictions(List<String> classes, int[] trueLabels, int[] predictedLabels, DMatrixRMaj probabilities,
                          double[] trueValues, double[] predictedValues) {

    /** Classification predictions; {@code probabilities} may be null when the model has none. */
    public static Predictions classification(List<String> classes, int[] trueLabels, int[] predictedLabels, DMatrixRMaj probabilities) {
        ClassificationMetrics.checkLengths(trueLabels.length, predictedLabels.length);
        if (probabilities != null && (probabilities.numRows != trueLabels.length || probabilities.numCols != classes.size()))
            throw new IllegalArgumentException("probabilities are " + probabilities.numRows + "x" + probabilities.numCols
                    + ", expected " + trueLabels.length + "x" + classes.size());
        return new Predictions(List.copyOf(classes), trueLabels, predictedLabels, probabilities, null, null);
    }

    /** Regression predictions. */
    public static Predictions regression(double[] trueValues, double[] predictedValues) {
        ClassificationMetrics.checkLengths(trueValues.length, predictedValues.length);
        return new Predictions(null, null, null, null, trueValues, predictedValues);
    }

    public boolean isClassification() {
        return trueLabels != null;
    }
}
