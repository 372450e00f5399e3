package org.mlopt.train;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.mlopt.autodiff.Tensor;
import org.mlopt.loss.Loss;
import org.mlopt.metric.Predictions;

/**
 * The network's outputs on the validation rows of one epoch, read as the runtime reads a trained
 * network's outputs: softmax logits (label = first arg max), one sigmoid logit (label 1 when its
 * probability exceeds ½) or plain values. The output buffer is allocated once per training run;
 * {@link #predictions} allocates the per-epoch arrays the metrics take.
 */
final class ValidationOutputs {

    private enum Reading { SOFTMAX, SIGMOID, VALUES }

    private final Reading reading;
    private final int n;
    private final int k;
    private final double[] outputs;
    private final int[] trueLabels;
    private final double[] trueValues;
    private final List<String> classes;

    ValidationOutputs(Loss loss, Dataset validation, int outputWidth) {
        this.n = validation.size();
        this.k = outputWidth;
        this.reading = loss.usesLabels() ? Reading.SOFTMAX
                : loss instanceof Loss.BinaryCrossEntropyWithLogits ? Reading.SIGMOID : Reading.VALUES;
        if (reading != Reading.SOFTMAX && k != 1) {
            throw new IllegalArgumentException("validation metrics need one output per sample for this loss, the network has " + k);
        }
        this.outputs = new double[n * k];
        if (reading == Reading.VALUES) {
            trueLabels = null;
            trueValues = new double[n];
            for (int i = 0; i < n; i++) {
                trueValues[i] = validation.targets().get(i);
            }
        } else {
            trueValues = null;
            trueLabels = reading == Reading.SOFTMAX ? validation.labels().clone() : new int[n];
            if (reading == Reading.SIGMOID) {
                for (int i = 0; i < n; i++) {
                    trueLabels[i] = validation.targets().get(i) > 0.5 ? 1 : 0;
                }
            }
        }
        this.classes = classNames(validation.classes(), reading == Reading.SIGMOID ? 2 : k);
    }

    /** True when the outputs are class scores. */
    boolean classification() {
        return reading != Reading.VALUES;
    }

    private static List<String> classNames(List<String> given, int count) {
        if (given != null && given.size() == count) {
            return given;
        }
        List<String> names = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    /** Copies the first {@code m} rows of {@code out} to rows {@code start..start+m-1}. */
    void copy(Tensor out, int start, int m) {
        for (int i = 0; i < m * k; i++) {
            outputs[start * k + i] = out.get(i);
        }
    }

    /** This epoch's predictions, with class probabilities when {@code probabilities} is set. */
    Predictions predictions(boolean probabilities) {
        if (reading == Reading.VALUES) {
            return Predictions.regression(trueValues, outputs.clone());
        }
        int classCount = classes.size();
        int[] predicted = new int[n];
        DMatrixRMaj p = probabilities ? new DMatrixRMaj(n, classCount) : null;
        for (int i = 0; i < n; i++) {
            if (reading == Reading.SIGMOID) {
                double z = outputs[i];
                double p1 = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
                predicted[i] = p1 > 0.5 ? 1 : 0;
                if (p != null) {
                    p.data[2 * i] = 1 - p1;
                    p.data[2 * i + 1] = p1;
                }
            } else {
                int arg = 0;
                double max = outputs[i * k];
                for (int j = 1; j < k; j++) {
                    if (outputs[i * k + j] > max) {
                        max = outputs[i * k + j];
                        arg = j;
                    }
                }
                predicted[i] = arg;
                if (p != null) {
                    double sum = 0;
                    for (int j = 0; j < k; j++) {
                        sum += p.data[i * k + j] = Math.exp(outputs[i * k + j] - max);
                    }
                    for (int j = 0; j < k; j++) {
                        p.data[i * k + j] /= sum;
                    }
                }
            }
        }
        return Predictions.classification(classes, trueLabels, predicted, p);
    }
}
