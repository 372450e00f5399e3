package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;

/**
 * C·Σᵢ loss(xᵢ, yᵢ) + ½ Σⱼ l2ⱼ θⱼ² for binary (one logit, log(1 + e^{−s·z})) or multinomial
 * (softmax cross-entropy over k logits) logistic regression. Parameters θ: k rows of p weights,
 * then k intercepts when {@code intercept} is set. Buffers are allocated once, so evaluations in the
 * solver loop do not allocate.
 */
final class LogisticObjective implements ProximalNewton.Hessian {

    private final DMatrixRMaj x;
    private final int[] labels;
    private final int k;
    private final double c;
    private final boolean intercept;
    private final double[] l2;
    private final double[] logits;

    /**
     * @param k      1 for binary (labels 0/1, the logit is for class 1), else the number of classes
     * @param l2     per-parameter weights of the ½θ² penalty
     */
    LogisticObjective(DMatrixRMaj x, int[] labels, int k, double c, boolean intercept, double[] l2) {
        this.x = x;
        this.labels = labels;
        this.k = k;
        this.c = c;
        this.intercept = intercept;
        this.l2 = l2;
        this.logits = new double[k];
    }

    static int dimension(int k, int p, boolean intercept) {
        return k * p + (intercept ? k : 0);
    }

    @Override
    public int dimension() {
        return dimension(k, x.numCols, intercept);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] grad) {
        int n = x.numRows;
        int p = x.numCols;
        double[] d = x.data;
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        int bias = k * p;
        for (int i = 0; i < n; i++) {
            int row = i * p;
            for (int m = 0; m < k; m++) {
                double z = intercept ? theta[bias + m] : 0;
                int w = m * p;
                for (int j = 0; j < p; j++) {
                    z += d[row + j] * theta[w + j];
                }
                logits[m] = z;
            }
            if (k == 1) {
                double z = logits[0];
                boolean positive = labels[i] == 1;
                double margin = positive ? z : -z;
                loss += softplusNeg(margin);
                logits[0] = sigmoid(z) - (positive ? 1 : 0);   // dloss/dz
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int m = 0; m < k; m++) {
                    max = Math.max(max, logits[m]);
                }
                double sum = 0;
                for (int m = 0; m < k; m++) {
                    sum += Math.exp(logits[m] - max);
                }
                double logSum = max + Math.log(sum);
                loss += logSum - logits[labels[i]];
                for (int m = 0; m < k; m++) {
                    logits[m] = Math.exp(logits[m] - logSum) - (labels[i] == m ? 1 : 0);
                }
            }
            for (int m = 0; m < k; m++) {
                double r = logits[m];
                if (r == 0) {
                    continue;
                }
                int w = m * p;
                for (int j = 0; j < p; j++) {
                    grad[w + j] += r * d[row + j];
                }
                if (intercept) {
                    grad[bias + m] += r;
                }
            }
        }
        double value = c * loss;
        for (int j = 0; j < grad.length; j++) {
            grad[j] = c * grad[j] + l2[j] * theta[j];
            value += 0.5 * l2[j] * theta[j] * theta[j];
        }
        return value;
    }

    /**
     * C·Xₐᵀ diag(σ(1 − σ)) Xₐ + diag(l2), with Xₐ = [X, 1] when there is an intercept. Binary only: the
     * multinomial Hessian is k² times larger and left to the quasi-Newton solver.
     */
    @Override
    public void hessian(double[] theta, double[] h) {
        if (k != 1) {
            throw new IllegalStateException("dense Hessian is implemented for the binary objective only");
        }
        int n = x.numRows;
        int p = x.numCols;
        int dim = dimension();
        double[] d = x.data;
        java.util.Arrays.fill(h, 0);
        for (int i = 0; i < n; i++) {
            int row = i * p;
            double z = intercept ? theta[p] : 0;
            for (int j = 0; j < p; j++) {
                z += d[row + j] * theta[j];
            }
            double s = sigmoid(z);
            double weight = c * s * (1 - s);
            if (weight == 0) {
                continue;
            }
            for (int j = 0; j < p; j++) {
                double v = weight * d[row + j];
                int hr = j * dim;
                for (int m = j; m < p; m++) {
                    h[hr + m] += v * d[row + m];
                }
                if (intercept) {
                    h[hr + p] += v;
                }
            }
            if (intercept) {
                h[p * dim + p] += weight;
            }
        }
        for (int j = 0; j < dim; j++) {
            for (int m = 0; m < j; m++) {
                h[j * dim + m] = h[m * dim + j];
            }
            h[j * dim + j] += l2[j];
        }
    }

    /** log(1 + e^{−m}) without overflow. */
    static double softplusNeg(double m) {
        return m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
