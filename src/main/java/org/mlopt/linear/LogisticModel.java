package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;

/**
 * A fitted logistic regression. Two classes have one row of coefficients (the logit of class 1);
 * k > 2 classes have k rows (softmax). Classes are 0 … k−1 as in the labels given to fit. Immutable;
 * accessors return copies.
 */
public final class LogisticModel {

    private final int classes;
    private final DMatrixRMaj coef;
    private final double[] intercept;
    private final int nIter;
    private final boolean converged;

    LogisticModel(int classes, DMatrixRMaj coef, double[] intercept, int nIter, boolean converged) {
        this.classes = classes;
        this.coef = coef.copy();
        this.intercept = intercept.clone();
        this.nIter = nIter;
        this.converged = converged;
    }

    /** A fitted model from stored coefficients (a loaded model file); predicts exactly as the original. */
    public static LogisticModel restore(int classes, DMatrixRMaj coef, double[] intercept) {
        return new LogisticModel(classes, coef, intercept, 0, true);
    }

    public int classes() {
        return classes;
    }

    /** Coefficients: 1 × p for two classes, k × p otherwise (scikit-learn's {@code coef_}). */
    public DMatrixRMaj coef() {
        return coef.copy();
    }

    /** Intercepts: one for two classes, k otherwise. */
    public double[] intercept() {
        return intercept.clone();
    }

    /** Iterations of the solver (proximal Newton or quasi-Newton steps). */
    public int nIter() {
        return nIter;
    }

    public boolean converged() {
        return converged;
    }

    /** Logits X·coefᵀ + intercept: n × 1 for two classes, n × k otherwise. */
    public DMatrixRMaj decisionFunction(DMatrixRMaj x) {
        Checks.columns(x, coef.numCols);
        int n = x.numRows;
        int p = x.numCols;
        int rows = coef.numRows;
        DMatrixRMaj out = new DMatrixRMaj(n, rows);
        double[] d = x.data;
        double[] w = coef.data;
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < rows; m++) {
                double z = intercept[m];
                for (int j = 0; j < p; j++) {
                    z += d[i * p + j] * w[m * p + j];
                }
                out.data[i * rows + m] = z;
            }
        }
        return out;
    }

    /** Class probabilities, n × k (two classes: 1 − σ(z), σ(z)). */
    public DMatrixRMaj predictProba(DMatrixRMaj x) {
        DMatrixRMaj z = decisionFunction(x);
        int n = x.numRows;
        DMatrixRMaj out = new DMatrixRMaj(n, classes);
        for (int i = 0; i < n; i++) {
            if (coef.numRows == 1) {
                double pr = LogisticObjective.sigmoid(z.data[i]);
                out.data[2 * i] = 1 - pr;
                out.data[2 * i + 1] = pr;
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int m = 0; m < classes; m++) {
                max = Math.max(max, z.data[i * classes + m]);
            }
            double sum = 0;
            for (int m = 0; m < classes; m++) {
                double e = Math.exp(z.data[i * classes + m] - max);
                out.data[i * classes + m] = e;
                sum += e;
            }
            for (int m = 0; m < classes; m++) {
                out.data[i * classes + m] /= sum;
            }
        }
        return out;
    }

    /** The most likely class of each row (ties go to the lower class, as numpy's argmax). */
    public int[] predict(DMatrixRMaj x) {
        DMatrixRMaj z = decisionFunction(x);
        int n = x.numRows;
        int[] out = new int[n];
        int rows = coef.numRows;
        for (int i = 0; i < n; i++) {
            if (rows == 1) {
                out[i] = z.data[i] > 0 ? 1 : 0;
                continue;
            }
            int best = 0;
            for (int m = 1; m < rows; m++) {
                if (z.data[i * rows + m] > z.data[i * rows + best]) {
                    best = m;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
