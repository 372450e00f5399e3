package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;
import org.mlopt.tensor.MatMuls;

/**
 * C·Σᵢ loss(xᵢ, yᵢ) + ½ Σⱼ l2ⱼ θⱼ² for binary (one logit, log(1 + e^{−s·z})) or multinomial
 * (softmax cross-entropy over k logits) logistic regression. Parameters θ: k rows of p weights,
 * then k intercepts when {@code intercept} is set. Scores XWᵀ and the gradient RᵀX go through the
 * shared matrix-product kernel; buffers are allocated once, so evaluations do not allocate.
 */
final class LogisticObjective implements ProximalNewton.Hessian {

    private final DMatrixRMaj x;
    private final int[] labels;
    private final int k;
    private final double c;
    private final boolean intercept;
    private final double[] l2;
    private final DMatrixRMaj weights;
    private final DMatrixRMaj scores;
    private final DMatrixRMaj weightGrad;

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
        this.weights = new DMatrixRMaj(k, x.numCols);
        this.scores = new DMatrixRMaj(x.numRows, k);
        this.weightGrad = new DMatrixRMaj(k, x.numCols);
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
        int bias = k * p;
        System.arraycopy(theta, 0, weights.data, 0, bias);
        MatMuls.get().multTransB(x, weights, scores);
        double[] z = scores.data;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int row = i * k;
            for (int m = 0; m < k; m++) {
                z[row + m] += intercept ? theta[bias + m] : 0;
            }
            if (k == 1) {
                boolean positive = labels[i] == 1;
                loss += softplusNeg(positive ? z[i] : -z[i]);
                z[i] = sigmoid(z[i]) - (positive ? 1 : 0);   // dloss/dz
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int m = 0; m < k; m++) {
                    max = Math.max(max, z[row + m]);
                }
                double sum = 0;
                for (int m = 0; m < k; m++) {
                    sum += Math.exp(z[row + m] - max);
                }
                double logSum = max + Math.log(sum);
                loss += logSum - z[row + labels[i]];
                for (int m = 0; m < k; m++) {
                    z[row + m] = Math.exp(z[row + m] - logSum) - (labels[i] == m ? 1 : 0);
                }
            }
        }
        MatMuls.get().multTransA(scores, x, weightGrad);   // Rᵀ X
        System.arraycopy(weightGrad.data, 0, grad, 0, bias);
        if (intercept) {
            for (int m = 0; m < k; m++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += z[i * k + m];
                }
                grad[bias + m] = s;
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
