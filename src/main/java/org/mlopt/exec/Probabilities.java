package org.mlopt.exec;

import org.ejml.data.DMatrixRMaj;
import org.mlopt.autodiff.Tensor;

/** Class probabilities and predicted labels from a network's outputs. */
final class Probabilities {

    private Probabilities() {}

    /** Softmax over each row of logits (stable: the row maximum is subtracted first); label = arg max. */
    static TrainedModel.Output fromLogits(Tensor logits) {
        int n = logits.rows(), k = logits.cols();
        DMatrixRMaj p = new DMatrixRMaj(n, k);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int j = 0; j < k; j++) {
                double v = logits.get(i, j);
                if (v > max) {
                    max = v;
                    arg = j;
                }
            }
            double sum = 0;
            for (int j = 0; j < k; j++) sum += p.data[i * k + j] = Math.exp(logits.get(i, j) - max);
            for (int j = 0; j < k; j++) p.data[i * k + j] /= sum;
            labels[i] = arg;
        }
        return new TrainedModel.Output(labels, p, null);
    }

    /** One logit per row: P(class 1) = sigmoid(z). */
    static TrainedModel.Output fromSigmoid(Tensor logits) {
        int n = logits.rows();
        DMatrixRMaj p = new DMatrixRMaj(n, 2);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double z = logits.get(i, 0);
            double p1 = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
            p.data[2 * i] = 1 - p1;
            p.data[2 * i + 1] = p1;
            labels[i] = p1 > 0.5 ? 1 : 0;
        }
        return new TrainedModel.Output(labels, p, null);
    }
}
