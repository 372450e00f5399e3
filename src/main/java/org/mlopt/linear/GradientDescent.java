package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;

import java.util.SplittableRandom;

/**
 * Batch, mini-batch and stochastic gradient descent on the mean squared error, optionally with
 * ridge's penalty: minimising (‖y − Xw − b‖² + α‖w‖²)/n, whose minimiser is scikit-learn's Ridge.
 */
final class GradientDescent {

    private GradientDescent() {}

    static LinearModel fit(DMatrixRMaj x, double[] y, double lr, int epochs, int batch, long seed,
                           boolean fitIntercept) {
        return fit(x, y, 0.0, lr, epochs, batch, seed, fitIntercept);
    }

    /** @param alpha ridge's penalty on w (not on the intercept); 0 for least squares */
    static LinearModel fit(DMatrixRMaj x, double[] y, double alpha, double lr, int epochs, int batch, long seed,
                           boolean fitIntercept) {
        if (batch >= x.numRows) {
            return fullBatch(x, y, alpha, lr, epochs, fitIntercept);
        }
        return slices(x, y, alpha, lr, epochs, batch, seed, fitIntercept);
    }

    /** Descent over shuffled slices of {@code batch} rows, each gradient computed row by row. */
    static LinearModel slices(DMatrixRMaj x, double[] y, double alpha, double lr, int epochs, int batch, long seed,
                              boolean fitIntercept) {
        int n = x.numRows;
        int p = x.numCols;
        double[] d = x.data;
        double[] w = new double[p];
        double[] grad = new double[p];
        double b = 0;
        int[] order = identity(n);
        boolean shuffle = batch < n;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            if (shuffle) {
                shuffle(order, rng);
            }
            for (int start = 0; start < n; start += batch) {
                int end = Math.min(n, start + batch);
                java.util.Arrays.fill(grad, 0);
                double gradB = 0;
                for (int k = start; k < end; k++) {
                    int row = order[k] * p;
                    double r = b - y[order[k]];
                    for (int j = 0; j < p; j++) {
                        r += d[row + j] * w[j];
                    }
                    for (int j = 0; j < p; j++) {
                        grad[j] += d[row + j] * r;
                    }
                    gradB += r;
                }
                double scale = 2.0 * lr / (end - start);
                double decay = 2.0 * lr * alpha / n;
                for (int j = 0; j < p; j++) {
                    w[j] -= scale * grad[j] + decay * w[j];
                }
                if (fitIntercept) {
                    b -= scale * gradB;
                }
            }
            if (!finite(w, b)) {
                throw new ArithmeticException("gradient descent diverged at epoch " + (epoch + 1)
                        + "; lower the learning rate (" + lr + ")");
            }
        }
        return new LinearModel(w, b, epochs, true, Double.NaN);
    }

    /**
     * Full-batch descent. Its gradient 2Xₐᵀ(Xₐθ − y)/n equals 2(Gθ − Xₐᵀy)/n with the Gram matrix
     * G = XₐᵀXₐ (Xₐ = [X, 1] with an intercept), so G and Xₐᵀy are formed once and each iteration costs
     * O(p²) instead of O(np); the iterates are the same up to rounding.
     */
    static LinearModel fullBatch(DMatrixRMaj x, double[] y, double alpha, double lr, int epochs, boolean fitIntercept) {
        int n = x.numRows;
        int p = x.numCols;
        int q = fitIntercept ? p + 1 : p;
        double[] d = x.data;
        double[] gram = new double[q * q];
        double[] xty = new double[q];
        for (int i = 0; i < n; i++) {
            int row = i * p;
            for (int j = 0; j < p; j++) {
                double v = d[row + j];
                int gr = j * q;
                for (int m = j; m < p; m++) {
                    gram[gr + m] += v * d[row + m];
                }
                if (fitIntercept) {
                    gram[gr + p] += v;
                }
                xty[j] += v * y[i];
            }
            if (fitIntercept) {
                xty[p] += y[i];
            }
        }
        if (fitIntercept) {
            gram[p * q + p] = n;
        }
        for (int j = 0; j < q; j++) {
            for (int m = 0; m < j; m++) {
                gram[j * q + m] = gram[m * q + j];
            }
        }
        double[] theta = new double[q];
        double[] grad = new double[q];
        double scale = 2.0 * lr / n;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int j = 0; j < q; j++) {
                double s = -xty[j];
                int gr = j * q;
                for (int m = 0; m < q; m++) {
                    s += gram[gr + m] * theta[m];
                }
                grad[j] = j < p ? s + alpha * theta[j] : s;
            }
            for (int j = 0; j < q; j++) {
                theta[j] -= scale * grad[j];
            }
            if (!finite(theta, 0)) {
                throw new ArithmeticException("gradient descent diverged at epoch " + (epoch + 1)
                        + "; lower the learning rate (" + lr + ")");
            }
        }
        double[] w = java.util.Arrays.copyOf(theta, p);
        return new LinearModel(w, fitIntercept ? theta[p] : 0, epochs, true, Double.NaN);
    }

    private static boolean finite(double[] w, double b) {
        for (double v : w) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return Double.isFinite(b);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Fisher–Yates shuffle of the whole array. */
    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
