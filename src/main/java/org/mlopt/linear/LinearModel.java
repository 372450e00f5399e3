package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * A fitted linear regressor: {@code predict(X) = X·coef + intercept}. Immutable; accessors return
 * copies.
 */
public final class LinearModel {

    private final double[] coef;
    private final double intercept;
    private final int nIter;
    private final boolean converged;
    private final double dualGap;

    LinearModel(double[] coef, double intercept, int nIter, boolean converged, double dualGap) {
        this.coef = coef.clone();
        this.intercept = intercept;
        this.nIter = nIter;
        this.converged = converged;
        this.dualGap = dualGap;
    }

    /** A fitted model from stored coefficients (a loaded model file); predicts exactly as the original. */
    public static LinearModel restore(double[] coef, double intercept) {
        return new LinearModel(coef, intercept, 0, true, 0.0);
    }

    /** Coefficients, one per column of X. */
    public double[] coef() {
        return coef.clone();
    }

    public double intercept() {
        return intercept;
    }

    /** Iterations the solver ran (passes over the coordinates, epochs, or 1 for a closed form). */
    public int nIter() {
        return nIter;
    }

    /**
     * Whether the solver met its tolerance: always true for a closed form; for gradient descent,
     * which has no tolerance, true when every epoch ran without diverging.
     */
    public boolean converged() {
        return converged;
    }

    /**
     * Duality gap at the end of coordinate descent, on scikit-learn's scale (its {@code dual_gap_});
     * NaN for the other solvers.
     */
    public double dualGap() {
        return dualGap;
    }

    /** Number of nonzero coefficients. */
    public int nonzeros() {
        int k = 0;
        for (double c : coef) {
            if (c != 0) {
                k++;
            }
        }
        return k;
    }

    public double[] predict(DMatrixRMaj x) {
        Checks.columns(x, coef.length);
        int n = x.numRows;
        int p = x.numCols;
        double[] d = x.data;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int row = i * p;
            double s = intercept;
            for (int j = 0; j < p; j++) {
                s += d[row + j] * coef[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Same as {@link #predict}: the decision function of a regressor is its prediction. */
    public double[] decisionFunction(DMatrixRMaj x) {
        return predict(x);
    }

    @Override
    public String toString() {
        return "LinearModel[coef=" + Arrays.toString(coef) + ", intercept=" + intercept + ", nIter=" + nIter
                + ", converged=" + converged + "]";
    }
}
