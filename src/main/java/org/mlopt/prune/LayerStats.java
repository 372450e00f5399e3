package org.mlopt.prune;

import java.util.ArrayList;
import java.util.List;
import org.mlopt.nn.Network;

/** One layer's size: units, parameters (weights + biases), non-zero parameters and sparsity. */
public record LayerStats(int layer, int inputs, int units, long parameters, long nonZeros) {

    public double sparsity() {
        return parameters == 0 ? 0.0 : 1.0 - (double) nonZeros / parameters;
    }

    /** Weight sparsity only (the figure PyTorch's W6 report gives). */
    public static double weightSparsity(Network network) {
        long zeros = 0;
        long total = 0;
        for (var w : network.weights()) {
            for (int k = 0; k < w.value().size(); k++) {
                if (w.value().get(k) == 0.0) {
                    zeros++;
                }
            }
            total += w.value().size();
        }
        return (double) zeros / total;
    }

    /** Every layer of {@code network}. */
    public static List<LayerStats> of(Network network) {
        List<LayerStats> out = new ArrayList<>();
        for (int i = 0; i < network.weights().size(); i++) {
            var w = network.weights().get(i).value();
            var b = network.biases().get(i).value();
            long nz = 0;
            for (int k = 0; k < w.size(); k++) {
                if (w.get(k) != 0.0) {
                    nz++;
                }
            }
            for (int k = 0; k < b.size(); k++) {
                if (b.get(k) != 0.0) {
                    nz++;
                }
            }
            out.add(new LayerStats(i, w.rows(), w.cols(), (long) w.size() + b.size(), nz));
        }
        return out;
    }
}
