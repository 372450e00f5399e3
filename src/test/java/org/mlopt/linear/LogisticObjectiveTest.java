package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogisticObjectiveTest {

    private static void checkGradient(int k, int classes, boolean intercept) {
        SplittableRandom rng = new SplittableRandom(42);
        int n = 30;
        int p = 4;
        DMatrixRMaj x = new DMatrixRMaj(n, p);
        for (int i = 0; i < n * p; i++) {
            x.data[i] = rng.nextGaussian();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
        }
        int dim = LogisticObjective.dimension(k, p, intercept);
        double[] l2 = new double[dim];
        double[] theta = new double[dim];
        for (int j = 0; j < dim; j++) {
            l2[j] = j % 3 == 0 ? 0 : 0.7;
            theta[j] = rng.nextGaussian();
        }
        LogisticObjective f = new LogisticObjective(x, y, k, 2.5, intercept, l2);
        double[] grad = new double[dim];
        f.valueAndGradient(theta, grad);
        double[] scratch = new double[dim];
        double h = 1e-6;
        for (int j = 0; j < dim; j++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += h;
            minus[j] -= h;
            double numeric = (f.valueAndGradient(plus, scratch) - f.valueAndGradient(minus, scratch)) / (2 * h);
            assertEquals(numeric, grad[j], 1e-6 * Math.max(1, Math.abs(numeric)), "parameter " + j);
        }
    }

    @Test
    void binaryGradientMatchesFiniteDifferences() {
        checkGradient(1, 2, true);
        checkGradient(1, 2, false);
    }

    @Test
    void multinomialGradientMatchesFiniteDifferences() {
        checkGradient(3, 3, true);
    }

    @Test
    void lossIsStableForLargeMargins() {
        assertEquals(0, LogisticObjective.softplusNeg(800), 1e-300);
        assertEquals(800, LogisticObjective.softplusNeg(-800), 1e-9);
        assertEquals(Math.log(2), LogisticObjective.softplusNeg(0), 1e-15);
    }
}
