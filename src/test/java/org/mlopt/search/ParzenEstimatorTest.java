package org.mlopt.search;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParzenEstimatorTest {

    /**
     * Expected log densities: Optuna's univariate kernel rules (sigmas from sorted neighbours with
     * the prior, no endpoints, magic clip, default_weights, prior weight 1) written in NumPy, with
     * the mixture density from scipy.stats.truncnorm (SciPy 1.17.1, NumPy 2.4.6, Debian python3).
     */
    @Test
    void logDensityMatchesOptunasKernelRules() {
        ParzenEstimator a = new ParzenEstimator(new double[] {0.2, 0.5, 0.9}, 0, 1, 1);
        double[] xs = {0.0, 0.21, 0.6, 1.0};
        double[] expected = {-0.33785972786121604, 0.02266958133664762, 0.10578029052427405, -0.2925684758611094};
        for (int i = 0; i < xs.length; i++) assertEquals(expected[i], a.logPdf(xs[i]), 1e-6, "x = " + xs[i]);

        double[] logObs = {Math.log(1e-3), Math.log(3e-2), Math.log(0.5), Math.log(2.0), Math.log(10.0)};
        ParzenEstimator b = new ParzenEstimator(logObs, Math.log(1e-4), Math.log(1e2), 1);
        assertEquals(-2.9808441894960747, b.logPdf(Math.log(1e-3)), 1e-6);
        assertEquals(-2.193506223304192, b.logPdf(0.0), 1e-6);
        assertEquals(-2.990389124258384, b.logPdf(4.0), 1e-6);

        double[] many = new double[30];   // over 25 observations: older ones get ramped weights
        for (int i = 0; i < 30; i++) many[i] = -4 + 8.0 * i / 29;
        ParzenEstimator c = new ParzenEstimator(many, -5, 5, 1);
        assertEquals(-5.723901009823036, c.logPdf(-4.9), 1e-6);
        assertEquals(-2.0366360468064446, c.logPdf(0.1), 1e-6);
        assertEquals(-2.0408278253647265, c.logPdf(3.3), 1e-6);
    }

    @Test
    void samplesStayInsideTheIntervalAndFollowTheKernels() {
        ParzenEstimator p = new ParzenEstimator(new double[] {0.9, 0.91, 0.92, 0.93}, 0, 1, 1);
        SplittableRandom r = new SplittableRandom(1);
        int near = 0;
        for (int i = 0; i < 2000; i++) {
            double x = p.sample(r);
            assertTrue(x >= 0 && x <= 1);
            if (x > 0.7) near++;
        }
        // P(x > 0.7) = 0.675530 for this mixture (sigmas 0.4, 1/6, 1/6, 1/6 and the prior's 1; the same
        // NumPy/SciPy script as above, truncnorm.sf). 2000 draws: 1351 expected, sd 21; allow 4 sd.
        assertEquals(0.6755295633350257 * 2000, near, 84, "draws above 0.7");
    }

    @Test
    void optunaDefaults() {
        assertEquals(1, TpeSampler.gamma(1));
        assertEquals(2, TpeSampler.gamma(11));
        assertEquals(25, TpeSampler.gamma(400));
        double[] w = TpeSampler.defaultWeights(27);
        assertEquals(1.0 / 27, w[0], 1e-15);
        assertEquals(1.0, w[1], 1e-15);
        assertEquals(1.0, w[26], 1e-15);
    }
}
