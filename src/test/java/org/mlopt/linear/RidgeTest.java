package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mlopt.testing.ReferenceData;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RidgeTest {

    private static final ReferenceData DIABETES = ReferenceData.load("diabetes");

    @Test
    void gradientDescentReachesTheClosedForm() {
        LinearModel closed = Ridge.of(0.5).fit(DIABETES.xTrain(), DIABETES.yTrain());
        // Full batch on standardized features converges linearly; 20,000 steps of lr 0.05 reach it to rounding.
        LinearModel descent = Ridge.of(0.5).fitByGradientDescent(DIABETES.xTrain(), DIABETES.yTrain(), 0.05, 20000, Integer.MAX_VALUE, 0);
        assertArrayEquals(closed.coef(), descent.coef(), 1e-6);
        assertEquals(closed.intercept(), descent.intercept(), 1e-6);
        // A larger alpha shrinks the coefficients, by descent as in closed form.
        LinearModel strong = Ridge.of(50).fitByGradientDescent(DIABETES.xTrain(), DIABETES.yTrain(), 0.05, 20000, Integer.MAX_VALUE, 0);
        assertArrayEquals(Ridge.of(50).fit(DIABETES.xTrain(), DIABETES.yTrain()).coef(), strong.coef(), 1e-6);
        // Mini-batches end near the optimum (noisy steps): within 2% of its training error.
        LinearModel mini = Ridge.of(0.5).fitByGradientDescent(DIABETES.xTrain(), DIABETES.yTrain(), 0.01, 200, 32, 0);
        double closedMse = Metrics.mse(DIABETES.yTrain(), closed.predict(DIABETES.xTrain()));
        assertTrue(Metrics.mse(DIABETES.yTrain(), mini.predict(DIABETES.xTrain())) < closedMse * 1.02);
    }

    @Test
    void matchesScikitLearnOnDiabetes() {
        // scikit-learn 1.2.1, Ridge(alpha=0.5) on the diabetes bench split, X standardized with the
        // split's scaler, y raw: /work/shared/bench/README.md W1 (full precision from w1_ridge.py).
        double[] expected = {-2.0437688587791563, -9.896805450369587, 28.879055030599776, 14.284247556725068,
                -23.043016282015774, 9.663861349103954, -2.0145952386637282, 6.09387368807233,
                33.064471347815825, 1.449447203703893};
        LinearModel m = Ridge.of(0.5).fit(DIABETES.xTrain(), DIABETES.yTrain());
        assertArrayEquals(expected, m.coef(), 1e-6);
        assertEquals(151.9214501510572, m.intercept(), 1e-6);
        // W1: test R2 0.358567, MSE 3184.3397
        double[] pred = m.predict(DIABETES.xTest());
        assertEquals(3184.3397, Metrics.mse(DIABETES.yTest(), pred), 1e-3);
        assertEquals(0.358567, Metrics.r2(DIABETES.yTest(), pred), 1e-6);
    }

    @Test
    void alphaZeroIsOrdinaryLeastSquares() {
        // scikit-learn 1.2.1 LinearRegression() on the same split.
        double[] ols = {-2.0817374060745806, -9.937526561695266, 28.855241817130896, 14.33571994166973,
                -26.516043430355797, 12.381093062814267, -0.42398373717958365, 6.595727606012716,
                34.456367639566594, 1.4147060548146408};
        assertArrayEquals(ols, Ridge.of(0).fit(DIABETES.xTrain(), DIABETES.yTrain()).coef(), 1e-6);
    }

    @Test
    void largeColumnOffsetsDoNotCostAccuracy() {
        // Ridge with an intercept is invariant to shifting the columns of X; a shift of 1e6 standard
        // deviations makes XᵀX − n·x̄x̄ᵀ useless, so the fit must centre a copy instead.
        DMatrixRMaj x = DIABETES.xTrain();
        DMatrixRMaj shifted = x.copy();
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                shifted.data[i * x.numCols + j] += (j % 2 == 0 ? 1e6 : -3e5);
            }
        }
        LinearModel plain = Ridge.of(0.5).fit(x, DIABETES.yTrain());
        LinearModel moved = Ridge.of(0.5).fit(shifted, DIABETES.yTrain());
        assertArrayEquals(plain.coef(), moved.coef(), 1e-8);
        assertArrayEquals(plain.predict(x), moved.predict(shifted), 1e-6);

        // A shift of 5 standard deviations is centred through the Gram matrix, at no visible cost.
        DMatrixRMaj near = x.copy();
        for (int i = 0; i < near.data.length; i++) {
            near.data[i] += 5;
        }
        assertArrayEquals(plain.coef(), Ridge.of(0.5).fit(near, DIABETES.yTrain()).coef(), 1e-9);
    }

    @Test
    void withoutInterceptSolvesTheUncentredSystem() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        double[] y = {1, 2, 3};
        // (XᵀX + I) w = Xᵀy: [[3,1],[1,3]] w = [4,5] → w = (7/8, 11/8)
        LinearModel m = new Ridge(1, false).fit(x, y);
        assertArrayEquals(new double[] {7.0 / 8, 11.0 / 8}, m.coef(), 1e-12);
        assertEquals(0, m.intercept());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Ridge.of(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ridge.of(1).fit(new DMatrixRMaj(3, 2), new double[2]));
        assertTrue(e.getMessage().contains("3 rows"), e.getMessage());
    }
}
