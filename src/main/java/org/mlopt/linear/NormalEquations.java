package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.mlopt.tensor.MatMuls;

/** Solves (XcᵀXc + αI) w = Xcᵀyc by Cholesky, for centred data (ridge, and OLS with α = 0). */
final class NormalEquations {

    private NormalEquations() {}

    static double[] solve(DMatrixRMaj xc, double[] yc, double alpha) {
        int p = xc.numCols;
        DMatrixRMaj gram = new DMatrixRMaj(p, p);
        MatMuls.get().multTransA(xc, xc, gram);
        for (int j = 0; j < p; j++) {
            gram.data[j * p + j] += alpha;
        }
        DMatrixRMaj rhs = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.multTransA(xc, DMatrixRMaj.wrap(yc.length, 1, yc), rhs);
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
