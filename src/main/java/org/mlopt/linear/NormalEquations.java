package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.mlopt.tensor.MatMuls;

/** Solves (XcᵀXc + αI) w = Xcᵀyc by Cholesky, Xc and yc centred (ridge, and OLS with α = 0). */
final class NormalEquations {

    /**
     * Largest mean² / variance of a column for which XᵀX − nμμᵀ is used instead of centring a copy:
     * the subtraction loses about log10 of this ratio in digits (here at most 2 of 16).
     */
    private static final double MAX_OFFSET_RATIO = 100;

    private NormalEquations() {}

    /** With an intercept: centres through the Gram matrix when that is accurate, else on a copy. */
    static double[] solveCentred(DMatrixRMaj x, double[] y, double alpha, double[] xMean, double yMean) {
        int n = x.numRows;
        int p = x.numCols;
        DMatrixRMaj gram = new DMatrixRMaj(p, p);
        MatMuls.get().multTransA(x, x, gram);
        boolean accurate = true;
        for (int j = 0; j < p && accurate; j++) {
            double m2 = xMean[j] * xMean[j];
            double variance = gram.data[j * p + j] / n - m2;
            accurate = m2 <= MAX_OFFSET_RATIO * variance || m2 == 0;
        }
        if (!accurate) {
            return solve(Centering.centred(x, xMean), Centering.centred(y, yMean), alpha);
        }
        for (int j = 0; j < p; j++) {
            for (int m = 0; m < p; m++) {
                gram.data[j * p + m] -= n * xMean[j] * xMean[m];
            }
        }
        DMatrixRMaj rhs = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.multTransA(x, DMatrixRMaj.wrap(n, 1, y), rhs);
        for (int j = 0; j < p; j++) {
            rhs.data[j] -= n * xMean[j] * yMean;
        }
        return cholesky(gram, rhs, alpha);
    }

    /** Without centring: X and y are used as given. */
    static double[] solve(DMatrixRMaj x, double[] y, double alpha) {
        int p = x.numCols;
        DMatrixRMaj gram = new DMatrixRMaj(p, p);
        MatMuls.get().multTransA(x, x, gram);
        DMatrixRMaj rhs = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.multTransA(x, DMatrixRMaj.wrap(y.length, 1, y), rhs);
        return cholesky(gram, rhs, alpha);
    }

    private static double[] cholesky(DMatrixRMaj gram, DMatrixRMaj rhs, double alpha) {
        int p = gram.numRows;
        for (int j = 0; j < p; j++) {
            gram.data[j * p + j] += alpha;
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(p);
        if (!chol.setA(gram)) {
            throw new IllegalArgumentException("the normal equations are singular (collinear or constant columns"
                    + (alpha > 0 ? "" : "; use QR, or a ridge penalty alpha > 0") + ")");
        }
        DMatrixRMaj w = new DMatrixRMaj(p, 1);
        chol.solve(rhs, w);
        return w.data;
    }
}
