package org.mlopt.exec;

import org.ejml.data.DMatrixRMaj;
import org.mlopt.data.Dataset;
import org.mlopt.schema.Task;

import java.util.List;
import java.util.Map;

/** A fitted model as the runtime sees it: it predicts, and it can describe itself. */
public interface TrainedModel {

    /** The component it was built from ({@code ridge}, {@code network}, ...). */
    String kind();

    Task task();

    /** Class names for classification, in label order; empty for regression. */
    List<String> classes();

    Output predict(Dataset data);

    /** Parameters that are not exactly zero (weights, biases, coefficients, intercepts): the {@code params} metric. */
    long nonZeroParameters();

    /** Facts worth reporting: parameter count, iterations, epochs run. */
    Map<String, Object> summary();

    /**
     * Predictions for a dataset: labels and class probabilities for classification, values for
     * regression (the others null).
     */
    record Output(int[] labels, DMatrixRMaj probabilities, double[] values) {}
}
