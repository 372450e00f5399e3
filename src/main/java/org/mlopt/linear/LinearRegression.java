package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Ordinary least squares, minimising the mean squared error ‖y − Xw − b‖²/n.
 *
 * <p>Closed forms ({@link Solver#QR}, {@link Solver#CHOLESKY}) work on centred data, like
 * scikit-learn's {@code LinearRegression}. The gradient-descent solvers follow the tutorial
 * (section 4.3): w ← w − lr·∇, with ∇ = 2Xᵀ(Xw + b − y)/m over the whole set (batch), over
 * shuffled slices of {@code batchSize} rows (mini-batch) or over single rows (stochastic), starting
 * from zero; the rows are reshuffled every epoch from one generator seeded with {@code seed}, and a
 * last partial slice is kept.
 *
 * @param solver       how to fit
 * @param learningRate step size of the gradient-descent solvers (> 0; ignored by closed forms)
 * @param epochs       passes over the data (batch GD: iterations; ignored by closed forms)
 * @param batchSize    rows per update for {@link Solver#MINI_BATCH_GD}
 * @param seed         seed of the shuffling generator
 * @param fitIntercept whether to fit b
 */
public record LinearRegression(Solver solver, double learningRate, int epochs, int batchSize, long seed,
                               boolean fitIntercept) {

    /** How the least-squares problem is solved. */
    public enum Solver {
        /** Householder QR of the centred X (numerically the safest closed form). */
        QR,
        /** Cholesky of the centred normal equations XcᵀXc. */
        CHOLESKY,
        /** Full-batch gradient descent, one update per epoch. */
        BATCH_GD,
        /** Mini-batch gradient descent over shuffled slices of {@code batchSize} rows. */
        MINI_BATCH_GD,
        /** Stochastic gradient descent, one row per update. */
        STOCHASTIC_GD
    }

    public LinearRegression {
        if (solver == null) {
            throw new IllegalArgumentException("solver must not be null");
        }
        if (solver != Solver.QR && solver != Solver.CHOLESKY) {
            Checks.positive("learning rate", learningRate);
            Checks.positive("epochs", epochs);
        }
        if (solver == Solver.MINI_BATCH_GD) {
            Checks.positive("batch size", batchSize);
        }
    }

    /** Closed form by QR with an intercept, like scikit-learn's {@code LinearRegression()}. */
    public static LinearRegression closedForm() {
        return new LinearRegression(Solver.QR, 0, 0, 0, 0, true);
    }

    public LinearModel fit(DMatrixRMaj x, double[] y) {
        Checks.shapes(x, y.length);
        Checks.finite(y);
        switch (solver) {
            case QR:
                return fitClosedForm(x, y, true);
            case CHOLESKY:
                return fitClosedForm(x, y, false);
            case BATCH_GD:
                return GradientDescent.fit(x, y, learningRate, epochs, x.numRows, seed, fitIntercept);
            case MINI_BATCH_GD:
                return GradientDescent.fit(x, y, learningRate, epochs, batchSize, seed, fitIntercept);
            default:
                return GradientDescent.fit(x, y, learningRate, epochs, 1, seed, fitIntercept);
        }
    }

    private LinearModel fitClosedForm(DMatrixRMaj x, double[] y, boolean qr) {
        double[] xMean = fitIntercept ? Centering.columnMeans(x) : new double[x.numCols];
        double yMean = fitIntercept ? Centering.mean(y) : 0;
        double[] coef;
        if (qr) {
            coef = leastSquaresQr(fitIntercept ? Centering.centred(x, xMean) : x,
                    fitIntercept ? Centering.centred(y, yMean) : y);
        } else {
            coef = fitIntercept ? NormalEquations.solveCentred(x, y, 0, xMean, yMean) : NormalEquations.solve(x, y, 0);
        }
        return new LinearModel(coef, Centering.intercept(yMean, xMean, coef), 1, true, Double.NaN);
    }

    private static double[] leastSquaresQr(DMatrixRMaj xc, double[] yc) {
        int n = xc.numRows;
        int p = xc.numCols;
        if (n < p) {
            throw new IllegalArgumentException("QR needs at least as many rows as columns (" + n + " < " + p
                    + "); use a ridge penalty");
        }
        LinearSolverDense<DMatrixRMaj> ls = LinearSolverFactory_DDRM.leastSquares(n, p);
        DMatrixRMaj a = ls.modifiesA() ? xc.copy() : xc;
        if (!ls.setA(a) || ls.quality() < 1e-12) {
            throw new IllegalArgumentException("X is rank deficient (collinear or constant columns); use a ridge"
                    + " penalty");
        }
        DMatrixRMaj w = new DMatrixRMaj(p, 1);
        DMatrixRMaj b = DMatrixRMaj.wrap(n, 1, yc.clone());
        ls.solve(b, w);
        return w.data;
    }
}
