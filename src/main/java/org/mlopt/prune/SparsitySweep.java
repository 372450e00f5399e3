package org.mlopt.prune;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.mlopt.autodiff.Tensor;
import org.mlopt.nn.Network;
import org.mlopt.train.Dataset;

/**
 * Accuracy against sparsity of a trained network pruned one-shot, without fine-tuning, at a list of
 * sparsities: each point prunes a copy (the trained network is left untouched) with the same method,
 * scope and layer selection, and measures accuracy on the evaluation data.
 */
public final class SparsitySweep {

    /**
     * One sparsity: the requested share ({@code sparsity}), the share of all parameters that are
     * zero or removed afterwards ({@code parameterSparsity}, biases included), and the accuracy (NaN
     * without labelled data, or when the method cannot reach that sparsity: neuron pruning that
     * would empty a layer).
     */
    public record Point(double sparsity, double parameterSparsity, double accuracy) {}

    private SparsitySweep() {}

    /** 0, 0.1, 0.2, ..., 0.9 and {@code target}, ascending, each once. */
    public static List<Double> grid(double target) {
        PruneChecks.sparsity(target);
        TreeSet<Double> s = new TreeSet<>();
        for (int i = 0; i <= 9; i++) {
            s.add(i / 10.0);
        }
        s.add(target);
        return List.copyOf(s);
    }

    /** Magnitude pruning at every sparsity of {@code sparsities}; {@code method}'s own sparsity is ignored. */
    public static List<Point> magnitude(Network trained, MagnitudePruning method, List<Double> sparsities, Dataset eval) {
        List<Tensor> values = trained.snapshot();
        Network probe = Network.compile(trained.spec());
        long parameters = trained.parameterCount();
        List<Point> out = new ArrayList<>();
        for (double s : sparsities) {
            probe.restore(values);
            MagnitudePruner.prune(probe, method.withSparsity(s), null);
            out.add(new Point(s, 1.0 - (double) nonZeros(probe) / parameters, ModelMeasures.accuracy(probe, eval)));
        }
        return out;
    }

    /** Neuron pruning at every sparsity of {@code sparsities}; {@code method}'s own sparsity is ignored. */
    public static List<Point> neurons(Network trained, NeuronPruning method, List<Double> sparsities, Dataset eval) {
        long parameters = trained.parameterCount();
        List<Point> out = new ArrayList<>();
        for (double s : sparsities) {
            Network small;
            try {
                small = NeuronPruner.prune(trained, method.withSparsity(s)).network();
            } catch (IllegalArgumentException unreachable) {
                out.add(new Point(s, Double.NaN, Double.NaN));
                continue;
            }
            out.add(new Point(s, 1.0 - (double) nonZeros(small) / parameters, ModelMeasures.accuracy(small, eval)));
        }
        return out;
    }

    private static long nonZeros(Network network) {
        long n = 0;
        for (LayerStats l : LayerStats.of(network)) {
            n += l.nonZeros();
        }
        return n;
    }
}
