package org.mlopt.metric;

import java.util.ArrayList;
import java.util.List;

/**
 * Label-based classification metrics with scikit-learn 1.2 semantics. Labels are class
 * indices {@code 0..k-1} (the sorted class order). A ratio with a zero denominator is 0
 * (scikit-learn's {@code zero_division="warn"} result, without the warning).
 */
public final class ClassificationMetrics {

    private ClassificationMetrics() {}

    /** Fraction of rows whose prediction equals the truth. */
    public static double accuracy(int[] yTrue, int[] yPred) {
        checkLengths(yTrue.length, yPred.length);
        int ok = 0;
        for (int i = 0; i < yTrue.length; i++) if (yTrue[i] == yPred[i]) ok++;
        return (double) ok / yTrue.length;
    }

    /** {@code confusion_matrix(labels=range(k))}: row = true class, column = predicted class. */
    public static int[][] confusionMatrix(int[] yTrue, int[] yPred, int numClasses) {
        checkLengths(yTrue.length, yPred.length);
        int[][] c = new int[numClasses][numClasses];
        for (int i = 0; i < yTrue.length; i++) c[check(yTrue[i], numClasses)][check(yPred[i], numClasses)]++;
        return c;
    }

    /** Precision, recall and F1 together, as {@code precision_recall_fscore_support}. */
    public record Scores(double precision, double recall, double f1) {}

    /**
     * Precision, recall and F1 averaged as asked. For {@link Average#BINARY} {@code positive}
     * is the positive class index and the data must have at most two classes; it is ignored
     * otherwise.
     */
    public static Scores scores(int[] yTrue, int[] yPred, int numClasses, Average average, int positive) {
        int[][] c = confusionMatrix(yTrue, yPred, numClasses);
        if (average == Average.BINARY) {
            if (numClasses > 2)
                throw new IllegalArgumentException("average 'binary' needs two classes, the target has " + numClasses
                        + "; use macro, micro or weighted");
            check(positive, numClasses);
            return perLabel(c, positive);
        }
        List<Integer> labels = presentLabels(c);
        if (average == Average.MICRO) {
            long tp = 0, predicted = 0, actual = 0;
            for (int l : labels) {
                tp += c[l][l];
                predicted += columnSum(c, l);
                actual += rowSum(c, l);
            }
            double p = ratio(tp, predicted), r = ratio(tp, actual);
            return new Scores(p, r, f1(p, r));
        }
        double sp = 0, sr = 0, sf = 0, weights = 0;
        for (int l : labels) {
            Scores s = perLabel(c, l);
            double w = average == Average.WEIGHTED ? rowSum(c, l) : 1;
            sp += w * s.precision();
            sr += w * s.recall();
            sf += w * s.f1();
            weights += w;
        }
        if (weights == 0) return new Scores(0, 0, 0);
        return new Scores(sp / weights, sr / weights, sf / weights);
    }

    public static double precision(int[] yTrue, int[] yPred, int numClasses, Average average, int positive) {
        return scores(yTrue, yPred, numClasses, average, positive).precision();
    }

    public static double recall(int[] yTrue, int[] yPred, int numClasses, Average average, int positive) {
        return scores(yTrue, yPred, numClasses, average, positive).recall();
    }

    public static double f1(int[] yTrue, int[] yPred, int numClasses, Average average, int positive) {
        return scores(yTrue, yPred, numClasses, average, positive).f1();
    }

    private static Scores perLabel(int[][] c, int l) {
        long tp = c[l][l], predicted = columnSum(c, l), actual = rowSum(c, l);
        double p = ratio(tp, predicted), r = ratio(tp, actual);
        return new Scores(p, r, f1(p, r));
    }

    private static double f1(double p, double r) {
        // scikit-learn 1.2: 2pr / (p + r), with a zero denominator replaced by 1 (so the score is 0).
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Labels that occur in the truth or the predictions (scikit-learn's default {@code labels}). */
    private static List<Integer> presentLabels(int[][] c) {
        List<Integer> out = new ArrayList<>();
        for (int l = 0; l < c.length; l++) if (rowSum(c, l) + columnSum(c, l) > 0) out.add(l);
        return out;
    }

    private static long rowSum(int[][] c, int l) {
        long s = 0;
        for (int v : c[l]) s += v;
        return s;
    }

    private static long columnSum(int[][] c, int l) {
        long s = 0;
        for (int[] row : c) s += row[l];
        return s;
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0 : (double) num / den;
    }

    static int check(int label, int numClasses) {
        if (label < 0 || label >= numClasses) throw new IllegalArgumentException("label " + label + " outside 0.." + (numClasses - 1));
        return label;
    }

    static void checkLengths(int a, int b) {
        if (a != b) throw new IllegalArgumentException("true and predicted values differ in length: " + a + " vs " + b);
        if (a == 0) throw new IllegalArgumentException("no samples to score");
    }
}
