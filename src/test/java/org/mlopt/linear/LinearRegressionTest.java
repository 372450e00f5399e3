package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mlopt.testing.ReferenceData;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearRegressionTest {

    /** W9's problem, regenerated: X 10000×20 standard normal, y = X·w + 0.1·noise, no intercept. */
    private static final int N = 10000;
    private static final int P = 20;
    private static final DMatrixRMaj X = new DMatrixRMaj(N, P);
    private static final double[] Y = new double[N];

    static {
        SplittableRandom rng = new SplittableRandom(0);
        double[] w = new double[P];
        for (int i = 0; i < N * P; i++) {
            X.data[i] = rng.nextGaussian();
        }
        for (int j = 0; j < P; j++) {
            w[j] = rng.nextGaussian();
        }
        for (int i = 0; i < N; i++) {
            double s = 0.1 * rng.nextGaussian();
            for (int j = 0; j < P; j++) {
                s += X.data[i * P + j] * w[j];
            }
            Y[i] = s;
        }
    }

    private static LinearRegression gd(LinearRegression.Solver solver, int epochs, int batch, long seed) {
        return new LinearRegression(solver, 0.01, epochs, batch, seed, false);
    }

    @Test
    void closedFormsMatchScikitLearnOnDiabetes() {
        // scikit-learn 1.2.1 LinearRegression() on the diabetes bench split (standardized X, raw y).
        double[] expected = {-2.0817374060745806, -9.937526561695266, 28.855241817130896, 14.33571994166973,
                -26.516043430355797, 12.381093062814267, -0.42398373717958365, 6.595727606012716,
                34.456367639566594, 1.4147060548146408};
        ReferenceData d = ReferenceData.load("diabetes");
        for (LinearRegression.Solver s : new LinearRegression.Solver[] {LinearRegression.Solver.QR,
                LinearRegression.Solver.CHOLESKY}) {
            LinearModel m = new LinearRegression(s, 0, 0, 0, 0, true).fit(d.xTrain(), d.yTrain());
            assertArrayEquals(expected, m.coef(), 1e-6, s.name());
            assertEquals(151.9214501510572, m.intercept(), 1e-6, s.name());
        }
    }

    @Test
    void gradientDescentModesReachTheLeastSquaresOptimum() {
        LinearModel exact = new LinearRegression(LinearRegression.Solver.QR, 0, 0, 0, 0, false).fit(X, Y);
        double optimum = Metrics.mse(Y, exact.predict(X));
        // W9 (numpy, same recipe): optimum 0.009988 with noise sd 0.1; batch GD reaches it to 6 digits,
        // mini-batch 64 is 0.1% above it, SGD (batch 1, 2 epochs, lr 0.01) about 24% above.
        assertEquals(0.01, optimum, 0.0005);

        LinearModel batch = gd(LinearRegression.Solver.BATCH_GD, 1000, 0, 0).fit(X, Y);
        assertArrayEquals(exact.coef(), batch.coef(), 1e-6);
        assertEquals(optimum, Metrics.mse(Y, batch.predict(X)), 1e-9);

        LinearModel mini = gd(LinearRegression.Solver.MINI_BATCH_GD, 20, 64, 1).fit(X, Y);
        double miniMse = Metrics.mse(Y, mini.predict(X));
        assertTrue(miniMse > optimum && miniMse < 1.005 * optimum, "mini-batch MSE " + miniMse);

        LinearModel sgd = gd(LinearRegression.Solver.STOCHASTIC_GD, 2, 0, 1).fit(X, Y);
        double sgdMse = Metrics.mse(Y, sgd.predict(X));
        assertTrue(sgdMse > optimum && sgdMse < 1.6 * optimum, "SGD MSE " + sgdMse);
        assertEquals(2, sgd.nIter());
    }

    @Test
    void gradientDescentFitsTheInterceptToo() {
        double[] shifted = Y.clone();
        for (int i = 0; i < N; i++) {
            shifted[i] += 3;
        }
        LinearModel exact = new LinearRegression(LinearRegression.Solver.CHOLESKY, 0, 0, 0, 0, true).fit(X, shifted);
        LinearModel batch = new LinearRegression(LinearRegression.Solver.BATCH_GD, 0.05, 500, 0, 0, true)
                .fit(X, shifted);
        assertEquals(exact.intercept(), batch.intercept(), 1e-8);
        assertArrayEquals(exact.coef(), batch.coef(), 1e-8);
    }

    @Test
    void gramShortcutOfFullBatchGivesTheRowByRowIterates() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}, {3, -1}, {-1, 2}, {0.5, 0.5}});
        double[] y = {1, 2, 3, -1};
        LinearModel rows = GradientDescent.slices(x, y, 0.0, 0.05, 37, 4, 0, true);
        LinearModel gram = GradientDescent.fullBatch(x, y, 0.0, 0.05, 37, true);
        assertArrayEquals(rows.coef(), gram.coef(), 1e-12);
        assertEquals(rows.intercept(), gram.intercept(), 1e-12);
    }

    @Test
    void sameSeedSameResultOtherSeedOtherPath() {
        LinearModel a = gd(LinearRegression.Solver.MINI_BATCH_GD, 1, 64, 7).fit(X, Y);
        LinearModel b = gd(LinearRegression.Solver.MINI_BATCH_GD, 1, 64, 7).fit(X, Y);
        LinearModel c = gd(LinearRegression.Solver.MINI_BATCH_GD, 1, 64, 8).fit(X, Y);
        assertArrayEquals(a.coef(), b.coef(), 0);
        assertFalse(a.coef()[0] == c.coef()[0]);
    }

    @Test
    void collinearColumnsAreReportedNotSolved() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}, {2, 4}, {3, 6}, {4, 8.0}});
        double[] y = {1, 2, 3, 5};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearRegression.closedForm().fit(x, y));
        assertTrue(e.getMessage().contains("rank deficient"), e.getMessage());
        // a ridge penalty makes the same problem well posed
        assertEquals(2, Ridge.of(0.1).fit(x, y).coef().length);
    }

    @Test
    void divergenceIsReportedWithTheLearningRate() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}, {3, 1}, {-1, 2}});
        double[] y = {1, 2, 3};
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> new LinearRegression(LinearRegression.Solver.BATCH_GD, 5, 1000, 0, 0, false).fit(x, y));
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new LinearRegression(LinearRegression.Solver.MINI_BATCH_GD, 0.01, 1, 0, 0, true));
    }
}
