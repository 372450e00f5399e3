package org.mlopt.linear;

import org.junit.jupiter.api.Test;
import org.mlopt.testing.ReferenceData;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LassoTest {

    private static final ReferenceData DIABETES = ReferenceData.load("diabetes");

    @Test
    void matchesScikitLearnOnDiabetes() {
        // scikit-learn 1.2.1, Lasso(alpha=0.1) on the diabetes bench split (standardized X, raw y):
        // /work/shared/bench/README.md W2 (coef to 5 decimals there; full precision from w2_lasso.py),
        // n_iter_ 251, test MSE 3196.6663, dual_gap_ 0.6156251283293573.
        double[] expected = {-1.8380497496584822, -9.671304218976626, 29.04418179933342, 14.061788241146873,
                -16.434399606344396, 4.437386613758575, -4.898984746884284, 5.086193652207589,
                30.592027020581387, 1.34548432995447};
        LinearModel m = Lasso.of(0.1).fit(DIABETES.xTrain(), DIABETES.yTrain());
        assertArrayEquals(expected, m.coef(), 1e-4);
        assertEquals(151.92145015105723, m.intercept(), 1e-6);
        assertEquals(251, m.nIter());
        assertTrue(m.converged());
        assertEquals(0.6156251283293573, m.dualGap(), 1e-6);
        assertEquals(3196.6663, Metrics.mse(DIABETES.yTest(), m.predict(DIABETES.xTest())), 1e-3);
        assertEquals(10, m.nonzeros());
    }

    @Test
    void sparsityAlongThePathMatchesScikitLearn() {
        // scikit-learn 1.2.1 Lasso on the same split: README W2 nonzeros 9, 8, 7, 5 for alpha 0.5, 1, 2, 5;
        // n_iter_ 62, 50, 135, 11 and coefficients from w2_lasso.py's diabetes_other_alphas.
        double[] alphas = {0.5, 1, 2, 5};
        int[] nonzeros = {9, 8, 7, 5};
        int[] iters = {62, 50, 135, 11};
        double[][] coefs = {
            {-1.1917264660637645, -8.897534971648112, 29.037370807621013, 13.368967967785544, -8.676261934584478,
                0, -9.193999906033316, 1.6333529739969348, 28.038419830368362, 0.9997399711545777},
            {-0.4479880599314547, -8.035992400067919, 28.929719750742457, 12.661597282785394, -6.784012848652756,
                0, -10.174825895415049, 0, 27.41046535254554, 0.48415589644766965},
            {0, -6.35790071345835, 28.77812373710755, 11.531120784028806, -2.044167471673652, -2.34066758610737,
                -10.616296187714962, 0, 24.8741437638253, 0},
            {0, -1.3769313071730984, 27.984018598353153, 8.373950859603514, 0, 0, -7.315743399504103, 0,
                22.374964817092106, 0}};
        for (int a = 0; a < alphas.length; a++) {
            LinearModel m = Lasso.of(alphas[a]).fit(DIABETES.xTrain(), DIABETES.yTrain());
            assertEquals(nonzeros[a], m.nonzeros(), "alpha " + alphas[a]);
            assertEquals(iters[a], m.nIter(), "alpha " + alphas[a]);
            assertArrayEquals(coefs[a], m.coef(), 1e-4, "alpha " + alphas[a]);
        }
    }

    @Test
    void elasticNetMatchesScikitLearn() {
        // scikit-learn 1.2.1 ElasticNet(alpha=0.1, l1_ratio=0.5) on the diabetes bench split; n_iter_ 56.
        double[] expected = {-1.5422716124356923, -9.188015894432034, 27.994464081844363, 13.739083953857994,
                -5.194280388832056, -3.951527335427321, -9.537904514240116, 4.344929645719561,
                24.76910333519298, 2.0725528104194804};
        LinearModel m = ElasticNet.of(0.1, 0.5).fit(DIABETES.xTrain(), DIABETES.yTrain());
        assertArrayEquals(expected, m.coef(), 1e-4);
        assertEquals(151.92145015105726, m.intercept(), 1e-6);
        assertEquals(56, m.nIter());
    }

    @Test
    void hittingMaxIterIsReportedAsNotConverged() {
        LinearModel m = new Lasso(0.1, true, 5, 1e-4).fit(DIABETES.xTrain(), DIABETES.yTrain());
        assertEquals(5, m.nIter());
        assertTrue(!m.converged());
    }

    @Test
    void rejectsBadHyperparameters() {
        assertThrows(IllegalArgumentException.class, () -> Lasso.of(-0.1));
        assertThrows(IllegalArgumentException.class, () -> ElasticNet.of(0.1, 1.5));
    }
}
