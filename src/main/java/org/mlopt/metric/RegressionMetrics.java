package org.mlopt.metric;

/** Regression metrics with scikit-learn 1.2 semantics. */
public final class RegressionMetrics {

    private RegressionMetrics() {}

    /** Mean squared error. */
    public static double mse(double[] yTrue, double[] yPred) {
        ClassificationMetrics.checkLengths(yTrue.length, yPred.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            double e = yTrue[i] - yPred[i];
            s += e * e;
        }
        return s / yTrue.length;
    }

    /** Root mean squared error ({@code mean_squared_error(squared=False)}). */
    public static double rmse(double[] yTrue, double[] yPred) {
        return Math.sqrt(mse(yTrue, yPred));
    }

    /** Mean absolute error. */
    public static double mae(double[] yTrue, double[] yPred) {
        ClassificationMetrics.checkLengths(yTrue.length, yPred.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) s += Math.abs(yTrue[i] - yPred[i]);
        return s / yTrue.length;
    }

    /**
     * Coefficient of determination {@code 1 - SS_res / SS_tot}. Like {@code r2_score} with
     * {@code force_finite=True}: a perfect prediction scores 1 and a constant target with
     * imperfect predictions scores 0.
     */
    public static double r2(double[] yTrue, double[] yPred) {
        ClassificationMetrics.checkLengths(yTrue.length, yPred.length);
        double mean = 0;
        for (double v : yTrue) mean += v;
        mean /= yTrue.length;
        double res = 0, tot = 0;
        for (int i = 0; i < yTrue.length; i++) {
            res += (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
            tot += (yTrue[i] - mean) * (yTrue[i] - mean);
        }
        if (res == 0) return 1.0;
        if (tot == 0) return 0.0;
        return 1 - res / tot;
    }
}
