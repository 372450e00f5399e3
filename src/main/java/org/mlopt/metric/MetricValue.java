package org.mlopt.metric;

import java.util.List;

/** The result of a metric: a number, or a confusion matrix. */
public sealed interface MetricValue permits MetricValue.Scalar, MetricValue.Matrix {

    /** A single score. */
    record Scalar(double value) implements MetricValue {}

    /** A confusion matrix: {@code counts[true][predicted]}, rows and columns in {@code labels} order. */
    record Matrix(int[][] counts, List<String> labels) implements MetricValue {}
}
