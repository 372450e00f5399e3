package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;

/**
 * Ridge regression as scikit-learn's {@code Ridge}: minimises ‖y − Xw − b‖² + α‖w‖² (no 1/n factor),
 * with the intercept b unpenalised and fitted by centring. Solved in closed form by Cholesky on
 * XcᵀXc + αI, where XcᵀXc = XᵀX − nx̄x̄ᵀ when the column means are small next to their spread (no
 * centred copy of X), and is formed from a centred copy otherwise.
 *
 * @param alpha        penalty strength, ≥ 0
 * @param fitIntercept whether to fit b (otherwise b = 0 and X, y are used as given)
 */
public record Ridge(double alpha, boolean fitIntercept) {

    public Ridge {
        Checks.nonNegative("alpha", alpha);
    }

    /** Ridge with an intercept, like {@code Ridge(alpha=...)}. */
    public static Ridge of(double alpha) {
        return new Ridge(alpha, true);
    }

    public LinearModel fit(DMatrixRMaj x, double[] y) {
        Checks.shapes(x, y.length);
        Checks.finite(y);
        if (!fitIntercept) {
            return new LinearModel(NormalEquations.solve(x, y, alpha), 0, 1, true, Double.NaN);
        }
        double[] xMean = Centering.columnMeans(x);
        double yMean = Centering.mean(y);
        double[] coef = NormalEquations.solveCentred(x, y, alpha, xMean, yMean);
        return new LinearModel(coef, Centering.intercept(yMean, xMean, coef), 1, true, Double.NaN);
    }

    /**
     * The same objective minimised by gradient descent instead of the closed form (the tutorial's
     * batch, mini-batch and stochastic modes): {@code batchSize} ≥ rows is full batch, 1 stochastic.
     */
    public LinearModel fitByGradientDescent(DMatrixRMaj x, double[] y, double learningRate, int epochs, int batchSize, long seed) {
        Checks.shapes(x, y.length);
        Checks.positive("learning rate", learningRate);
        Checks.positive("epochs", epochs);
        return GradientDescent.fit(x, y, alpha, learningRate, epochs, Math.max(1, batchSize), seed, fitIntercept);
    }
}
