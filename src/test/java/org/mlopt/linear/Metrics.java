package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;

/** Test-side metrics, written as scikit-learn defines them. */
final class Metrics {

    private Metrics() {}

    static double mse(double[] y, double[] pred) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (y[i] - pred[i]) * (y[i] - pred[i]);
        }
        return s / y.length;
    }

    static double r2(double[] y, double[] pred) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double tot = 0;
        for (double v : y) {
            tot += (v - mean) * (v - mean);
        }
        return 1 - mse(y, pred) * y.length / tot;
    }

    static double accuracy(int[] y, int[] pred) {
        int ok = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == pred[i]) {
                ok++;
            }
        }
        return (double) ok / y.length;
    }

    /** Mean negative log-probability of the true class (probabilities clipped as sklearn: 1e-15). */
    static double logLoss(int[] y, DMatrixRMaj proba) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double pr = Math.min(Math.max(proba.get(i, y[i]), 1e-15), 1 - 1e-15);
            s -= Math.log(pr);
        }
        return s / y.length;
    }
}
