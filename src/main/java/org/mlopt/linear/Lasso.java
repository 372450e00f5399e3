package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;

/**
 * The lasso as scikit-learn's {@code Lasso}: minimises (1/2n)‖y − Xw − b‖² + α‖w‖₁, i.e.
 * {@link ElasticNet} with l1Ratio = 1.
 *
 * @param alpha        penalty strength, ≥ 0
 * @param fitIntercept whether to fit b (unpenalised, by centring)
 * @param maxIter      maximum passes over the coordinates
 * @param tol          scikit-learn's tolerance (update, then duality gap)
 */
public record Lasso(double alpha, boolean fitIntercept, int maxIter, double tol) {

    public Lasso {
        Checks.nonNegative("alpha", alpha);
        Checks.positive("max iterations", maxIter);
        Checks.nonNegative("tol", tol);
    }

    /** Scikit-learn's defaults: intercept, 1000 iterations, tol 1e-4. */
    public static Lasso of(double alpha) {
        return new Lasso(alpha, true, 1000, 1e-4);
    }

    public LinearModel fit(DMatrixRMaj x, double[] y) {
        return new ElasticNet(alpha, 1.0, fitIntercept, maxIter, tol).fit(x, y);
    }
}
