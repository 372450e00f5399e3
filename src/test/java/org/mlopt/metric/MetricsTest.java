package org.mlopt.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Expected values: scikit-learn 1.2.1 (Debian python3-sklearn) on the arrays below, e.g.
 * {@code f1_score(yt, yp, average="macro")}; the calls are named next to each value.
 */
class MetricsTest {
    private static final int[] YT = {0, 1, 2, 2, 1, 0, 2, 1, 1, 0, 2, 2};
    private static final int[] YP = {0, 2, 2, 2, 1, 0, 1, 1, 0, 0, 2, 1};
    private static final DMatrixRMaj P = new DMatrixRMaj(new double[][] {
            {.7, .2, .1}, {.2, .5, .3}, {.1, .3, .6}, {.3, .3, .4}, {.25, .5, .25}, {.6, .3, .1},
            {.2, .2, .6}, {.1, .8, .1}, {.5, .4, .1}, {.4, .3, .3}, {.3, .3, .4}, {.2, .4, .4}});
    private static final int[] YB = {0, 0, 1, 1, 0, 1, 1, 0, 1, 0};
    private static final double[] SB = {0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.2, 0.35, 0.6};
    private static final double TOL = 1e-15;

    @Test
    void multiclassLabelMetrics() {
        assertEquals(0.6666666666666666, ClassificationMetrics.accuracy(YT, YP), TOL);
        // precision/recall/f1 with average=macro, micro, weighted
        check(Average.MACRO, 0.6666666666666666, 0.7000000000000001, 0.6746031746031745);
        check(Average.MICRO, 0.6666666666666666, 0.6666666666666666, 0.6666666666666666);
        check(Average.WEIGHTED, 0.6666666666666666, 0.6666666666666666, 0.6587301587301586);
        // confusion_matrix(yt, yp, labels=[0, 1, 2])
        int[][] cm = ClassificationMetrics.confusionMatrix(YT, YP, 3);
        assertArrayEquals(new int[] {3, 0, 0}, cm[0]);
        assertArrayEquals(new int[] {1, 2, 1}, cm[1]);
        assertArrayEquals(new int[] {0, 2, 3}, cm[2]);
    }

    private static void check(Average a, double p, double r, double f) {
        ClassificationMetrics.Scores s = ClassificationMetrics.scores(YT, YP, 3, a, 0);
        assertEquals(p, s.precision(), TOL, a + " precision");
        assertEquals(r, s.recall(), TOL, a + " recall");
        assertEquals(f, s.f1(), TOL, a + " f1");
    }

    @Test
    void labelsAbsentFromTruthAndPredictionsAreLeftOutOfAverages() {
        // yt=[0,1,1,0,2], yp=[0,1,0,0,1] with 4 classes (class 3 in neither):
        // precision macro 0.38888888888888884, f1 macro 0.43333333333333335, recall weighted 0.6
        int[] yt = {0, 1, 1, 0, 2}, yp = {0, 1, 0, 0, 1};
        assertEquals(0.38888888888888884, ClassificationMetrics.precision(yt, yp, 4, Average.MACRO, 0), TOL);
        assertEquals(0.43333333333333335, ClassificationMetrics.f1(yt, yp, 4, Average.MACRO, 0), TOL);
        assertEquals(0.6, ClassificationMetrics.recall(yt, yp, 4, Average.WEIGHTED, 0), TOL);
    }

    @Test
    void binaryWithPositiveClassAndZeroDivision() {
        // precision_score([0,0,1,1],[0,0,0,0]) = 0.0 (zero_division), f1 = 0.0
        assertEquals(0.0, ClassificationMetrics.precision(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 0}, 2, Average.BINARY, 1));
        assertEquals(0.0, ClassificationMetrics.f1(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 0}, 2, Average.BINARY, 1));
        // recall_score([0,1,1,0,1],[1,1,0,0,1], pos_label=0) = 0.5; f1_score(..., pos_label=1) = 0.6666666666666666
        int[] yt = {0, 1, 1, 0, 1}, yp = {1, 1, 0, 0, 1};
        assertEquals(0.5, ClassificationMetrics.recall(yt, yp, 2, Average.BINARY, 0), TOL);
        assertEquals(0.6666666666666666, ClassificationMetrics.f1(yt, yp, 2, Average.BINARY, 1), TOL);
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.f1(YT, YP, 3, Average.BINARY, 1));
    }

    @Test
    void rocAucHandlesTiesLikeScikitLearn() {
        // roc_auc_score(yb, sb) = 0.68 (ties at 0.4 and 0.35 across classes)
        assertEquals(0.68, ProbabilityMetrics.rocAuc(YB, SB, 1), 1e-15);
        // Reversing the score reverses the AUC; a perfect ranking scores 1.
        double[] neg = new double[SB.length];
        for (int i = 0; i < neg.length; i++) neg[i] = -SB[i];
        assertEquals(1 - 0.68, ProbabilityMetrics.rocAuc(YB, neg, 1), 1e-15);
        assertEquals(1.0, ProbabilityMetrics.rocAuc(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.2, 0.3, 0.4}, 1));
        // All scores tied: one diagonal segment
        assertEquals(0.5, ProbabilityMetrics.rocAuc(new int[] {0, 1, 0, 1}, new double[] {1, 1, 1, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> ProbabilityMetrics.rocAuc(new int[] {1, 1}, new double[] {0.1, 0.2}, 1));
    }

    @Test
    void rocAucOneVsRest() {
        // roc_auc_score(yt, P, multi_class="ovr") = 0.9824459876543209, average="weighted": 0.9855324074074074
        assertEquals(0.9824459876543209, ProbabilityMetrics.rocAucOvr(YT, P, Average.MACRO), 1e-14);
        assertEquals(0.9855324074074074, ProbabilityMetrics.rocAucOvr(YT, P, Average.WEIGHTED), 1e-14);
    }

    @Test
    void logLossClipsAndRenormalises() {
        // log_loss(yt, P) = 0.6733369489201316
        assertEquals(0.6733369489201316, ProbabilityMetrics.logLoss(YT, P), 1e-14);
        // Rows 0 and 1 set to [1, 0, 0] (row 1 is class 1 => p = eps): 3.5894895543050045
        DMatrixRMaj p0 = P.copy();
        for (int r = 0; r < 2; r++) { p0.set(r, 0, 1); p0.set(r, 1, 0); p0.set(r, 2, 0); }
        assertEquals(3.5894895543050045, ProbabilityMetrics.logLoss(YT, p0), 1e-13);
        // log_loss(yb, column_stack([1 - sb, sb])) = 0.5610885094221719
        DMatrixRMaj pb = new DMatrixRMaj(SB.length, 2);
        for (int i = 0; i < SB.length; i++) { pb.set(i, 0, 1 - SB[i]); pb.set(i, 1, SB[i]); }
        assertEquals(0.5610885094221719, ProbabilityMetrics.logLoss(YB, pb), 1e-14);
    }

    @Test
    void regressionMetrics() {
        double[] r = {3, -0.5, 2, 7, 4.2}, q = {2.5, 0, 2, 8, 3.9};
        // mean_squared_error 0.318, squared=False 0.5639148871948674, mean_absolute_error 0.4600000000000001, r2_score 0.9480256276150627
        assertEquals(0.318, RegressionMetrics.mse(r, q), 1e-15);
        assertEquals(0.5639148871948674, RegressionMetrics.rmse(r, q), 1e-15);
        assertEquals(0.4600000000000001, RegressionMetrics.mae(r, q), 1e-15);
        assertEquals(0.9480256276150627, RegressionMetrics.r2(r, q), 1e-15);
        // r2_score([2,2,2],[2,2,2]) = 1.0; r2_score([2,2,2],[2,2,3]) = 0.0
        assertEquals(1.0, RegressionMetrics.r2(new double[] {2, 2, 2}, new double[] {2, 2, 2}));
        assertEquals(0.0, RegressionMetrics.r2(new double[] {2, 2, 2}, new double[] {2, 2, 3}));
    }

    @Test
    void computeByNameWithScriptParameters() {
        Predictions p = Predictions.classification(List.of("a", "b", "c"), YT, YP, P);
        assertEquals(0.6746031746031745, scalar(Metrics.compute("f1", Map.of(), p)), TOL, "multiclass default is macro");
        assertEquals(0.6587301587301586, scalar(Metrics.compute("f1", Map.of("average", "weighted"), p)), TOL);
        assertEquals(0.9824459876543209, scalar(Metrics.compute("roc_auc", Map.of(), p)), 1e-14);
        assertEquals(0.6733369489201316, scalar(Metrics.compute("log_loss", Map.of(), p)), 1e-14);
        MetricValue.Matrix cm = (MetricValue.Matrix) Metrics.compute("confusion_matrix", Map.of(), p);
        assertEquals(List.of("a", "b", "c"), cm.labels());
        assertArrayEquals(new int[] {1, 2, 1}, cm.counts()[1]);

        int[] yt = {0, 1, 1, 0, 1}, yp = {1, 1, 0, 0, 1};
        Predictions b = Predictions.classification(List.of("benign", "malignant"), yt, yp, null);
        assertEquals(0.6666666666666666, scalar(Metrics.compute("f1", Map.of(), b)), TOL, "binary default: second class positive");
        assertEquals(0.5, scalar(Metrics.compute("recall", Map.of("positive", "benign"), b)), TOL);
        assertThrows(IllegalArgumentException.class, () -> Metrics.compute("roc_auc", Map.of(), b));
        assertThrows(IllegalArgumentException.class, () -> Metrics.compute("r2", Map.of(), b));
        assertThrows(IllegalArgumentException.class, () -> Metrics.compute("recall", Map.of("positive", "x"), b));

        Predictions reg = Predictions.regression(new double[] {3, -0.5, 2, 7, 4.2}, new double[] {2.5, 0, 2, 8, 3.9});
        assertEquals(0.9480256276150627, scalar(Metrics.compute("r2", Map.of(), reg)), 1e-15);
        assertTrue(Metrics.higherIsBetter("r2"));
        assertTrue(!Metrics.higherIsBetter("log_loss"));
        assertThrows(IllegalArgumentException.class, () -> Metrics.compute("accuracy", Map.of(), reg));
    }

    private static double scalar(MetricValue v) {
        return ((MetricValue.Scalar) v).value();
    }
}
