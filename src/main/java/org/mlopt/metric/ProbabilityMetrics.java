package org.mlopt.metric;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Metrics on predicted probabilities with scikit-learn 1.2 semantics: ROC-AUC (binary, and
 * one-vs-rest for several classes) and log-loss. Probability matrices are n×k with columns in
 * class-index order.
 */
public final class ProbabilityMetrics {

    private ProbabilityMetrics() {}

    /**
     * Binary ROC-AUC of {@code score} (higher = more positive) for {@code isPositive}: the ROC
     * curve has one point per distinct score (tied scores move together, giving a diagonal
     * segment), collinear points are dropped and the area is the trapezoid rule, exactly as
     * {@code roc_curve} + {@code auc}.
     */
    public static double rocAuc(boolean[] isPositive, double[] score) {
        int n = isPositive.length;
        ClassificationMetrics.checkLengths(n, score.length);
        // Descending scores; ties keep a fixed order (scikit-learn reverses a stable ascending sort).
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double[] tps = new double[n + 1];
        double[] fps = new double[n + 1];
        int m = 1; // point 0 is (0, 0)
        double tp = 0, fp = 0;
        for (int r = n - 1; r >= 0; r--) {
            int i = order[r];
            if (isPositive[i]) tp++; else fp++;
            boolean lastOfValue = r == 0 || score[order[r - 1]] != score[i];
            if (lastOfValue) {
                tps[m] = tp;
                fps[m] = fp;
                m++;
            }
        }
        if (tp == 0 || fp == 0)
            throw new IllegalArgumentException("ROC AUC needs both classes in the true labels; only one is present");
        // drop_intermediate: keep the ends and every point where the curve bends.
        double[] x = new double[m];
        double[] y = new double[m];
        int k = 0;
        for (int j = 0; j < m; j++) {
            if (j <= 1 || j == m - 1) { x[k] = fps[j]; y[k] = tps[j]; k++; continue; }
            // point j is kept when the second difference at j-1..j+1 of the thresholds curve is non-zero
            boolean bend = (fps[j + 1] - 2 * fps[j] + fps[j - 1]) != 0 || (tps[j + 1] - 2 * tps[j] + tps[j - 1]) != 0;
            if (bend) { x[k] = fps[j]; y[k] = tps[j]; k++; }
        }
        double area = 0;
        for (int j = 1; j < k; j++) area += (x[j] / fp - x[j - 1] / fp) * (y[j] / tp + y[j - 1] / tp) / 2.0;
        return area;
    }

    /** Binary ROC-AUC with the probability of {@code positive}: {@code roc_auc_score(y == positive, p)}. */
    public static double rocAuc(int[] yTrue, double[] positiveScore, int positive) {
        boolean[] pos = new boolean[yTrue.length];
        for (int i = 0; i < pos.length; i++) pos[i] = yTrue[i] == positive;
        return rocAuc(pos, positiveScore);
    }

    /**
     * {@code roc_auc_score(y, proba, multi_class="ovr", average=macro|weighted)}; with two
     * columns, the binary AUC of column 1 (as scikit-learn). Every class must occur in
     * {@code yTrue}.
     */
    public static double rocAucOvr(int[] yTrue, DMatrixRMaj proba, Average average) {
        int k = proba.numCols;
        ClassificationMetrics.checkLengths(yTrue.length, proba.numRows);
        int[] support = new int[k];
        for (int y : yTrue) support[ClassificationMetrics.check(y, k)]++;
        if (k == 2) return rocAuc(yTrue, column(proba, 1), 1);
        for (int c = 0; c < k; c++)
            if (support[c] == 0) throw new IllegalArgumentException("ROC AUC one-vs-rest needs every class in the true labels; class " + c + " is absent");
        if (average != Average.MACRO && average != Average.WEIGHTED)
            throw new IllegalArgumentException("ROC AUC one-vs-rest averages with macro or weighted, not " + average);
        double sum = 0, weights = 0;
        for (int c = 0; c < k; c++) {
            double w = average == Average.WEIGHTED ? support[c] : 1;
            sum += w * rocAuc(yTrue, column(proba, c), c);
            weights += w;
        }
        return sum / weights;
    }

    /**
     * {@code log_loss(y, proba, labels=range(k))} of scikit-learn 1.2: probabilities clipped to
     * [eps, 1 - eps] with eps = 2.220446049250313e-16 (float64 machine epsilon), each row
     * renormalised to sum 1, mean of -log p(true class).
     */
    public static double logLoss(int[] yTrue, DMatrixRMaj proba) {
        int k = proba.numCols;
        ClassificationMetrics.checkLengths(yTrue.length, proba.numRows);
        if (k < 2) throw new IllegalArgumentException("log-loss needs probabilities for at least two classes");
        double eps = Math.ulp(1.0);
        double total = 0;
        for (int i = 0; i < yTrue.length; i++) {
            double rowSum = 0;
            for (int c = 0; c < k; c++) rowSum += clip(proba.get(i, c), eps);
            double p = clip(proba.get(i, ClassificationMetrics.check(yTrue[i], k)), eps) / rowSum;
            total += -Math.log(p);
        }
        return total / yTrue.length;
    }

    private static double clip(double p, double eps) {
        return Math.min(Math.max(p, eps), 1 - eps);
    }

    private static double[] column(DMatrixRMaj m, int c) {
        double[] v = new double[m.numRows];
        for (int i = 0; i < v.length; i++) v[i] = m.get(i, c);
        return v;
    }
}
