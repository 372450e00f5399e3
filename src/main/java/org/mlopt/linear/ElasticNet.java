package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;

/**
 * Elastic net as scikit-learn's {@code ElasticNet}: minimises
 * (1/2n)‖y − Xw − b‖² + α·l1Ratio·‖w‖₁ + ½α(1 − l1Ratio)‖w‖², with b unpenalised and fitted by
 * centring, by cyclic coordinate descent (see {@code enet_coordinate_descent}). Defaults as
 * scikit-learn: {@code maxIter = 1000}, {@code tol = 1e-4}.
 *
 * @param alpha        penalty strength, ≥ 0
 * @param l1Ratio      mix between ‖w‖₁ (1) and ‖w‖² (0)
 * @param fitIntercept whether to fit b
 * @param maxIter      maximum passes over the coordinates
 * @param tol          tolerance on the largest update relative to max|w|, then on the duality gap
 *                     relative to ‖y‖²
 */
public record ElasticNet(double alpha, double l1Ratio, boolean fitIntercept, int maxIter, double tol) {

    public ElasticNet {
        Checks.nonNegative("alpha", alpha);
        Checks.unitInterval("l1 ratio", l1Ratio);
        Checks.positive("max iterations", maxIter);
        Checks.nonNegative("tol", tol);
    }

    /** Scikit-learn's defaults: intercept, 1000 iterations, tol 1e-4. */
    public static ElasticNet of(double alpha, double l1Ratio) {
        return new ElasticNet(alpha, l1Ratio, true, 1000, 1e-4);
    }

    public LinearModel fit(DMatrixRMaj x, double[] y) {
        Checks.shapes(x, y.length);
        Checks.finite(y);
        int n = x.numRows;
        int p = x.numCols;
        double[] xMean = fitIntercept ? Centering.columnMeans(x) : new double[p];
        double yMean = fitIntercept ? Centering.mean(y) : 0;
        double[] cols = Centering.centredColumns(x, xMean);
        double[] yc = Centering.centred(y, yMean);
        CoordinateDescent.Result r = CoordinateDescent.solve(cols, n, p, yc, alpha * l1Ratio * n,
                alpha * (1 - l1Ratio) * n, maxIter, tol);
        return new LinearModel(r.w(), Centering.intercept(yMean, xMean, r.w()), r.nIter(), r.converged(),
                r.gap() / n);
    }
}
