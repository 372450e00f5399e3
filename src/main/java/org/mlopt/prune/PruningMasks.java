package org.mlopt.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlopt.autodiff.Tensor;
import org.mlopt.nn.Network;
import org.mlopt.train.TrainConfig;

/**
 * Which parameters of a network are kept (true) or pruned (false), per layer, for the weight
 * matrix and the bias; a null entry means that tensor is not pruned. Applying the masks zeroes the
 * pruned entries; {@link #keepingZero} re-applies them after every optimizer step, so fine-tuning
 * cannot regrow a pruned weight.
 */
public final class PruningMasks {

    private final boolean[][] weights;
    private final boolean[][] biases;

    PruningMasks(boolean[][] weights, boolean[][] biases) {
        if (weights.length != biases.length) {
            throw new IllegalArgumentException(weights.length + " weight masks but " + biases.length + " bias masks");
        }
        this.weights = weights;
        this.biases = biases;
    }

    /** No tensor pruned, for a network of {@code layers} layers. */
    public static PruningMasks none(int layers) {
        return new PruningMasks(new boolean[layers][], new boolean[layers][]);
    }

    public int layers() {
        return weights.length;
    }

    /** The mask of layer {@code i}'s weight (row-major, inputs × units), or null when not pruned. */
    public boolean[] weightMask(int i) {
        return weights[i] == null ? null : weights[i].clone();
    }

    /** The mask of layer {@code i}'s bias, or null when not pruned. */
    public boolean[] biasMask(int i) {
        return biases[i] == null ? null : biases[i].clone();
    }

    boolean[] weightMaskView(int i) {
        return weights[i];
    }

    boolean[] biasMaskView(int i) {
        return biases[i];
    }

    /** The mask of parameter {@code p} in {@link Network#parameters()} order (weight, bias, ...). */
    boolean[] parameterMaskView(int p) {
        return p % 2 == 0 ? weights[p / 2] : biases[p / 2];
    }

    /** Zeroes every pruned entry of {@code network}'s parameters. */
    public void apply(Network network) {
        check(network);
        for (int i = 0; i < weights.length; i++) {
            zero(network.weights().get(i).value(), weights[i]);
            zero(network.biases().get(i).value(), biases[i]);
        }
    }

    /** Zeroes the gradient entries of pruned parameters (what a masked forward pass would give). */
    public void applyToGradients(Network network) {
        check(network);
        for (int i = 0; i < weights.length; i++) {
            zero(network.weights().get(i).grad(), weights[i]);
            zero(network.biases().get(i).grad(), biases[i]);
        }
    }

    /**
     * {@code config} with a step listener that re-applies these masks after every parameter update
     * (then calls the config's own listener, if any). Allocation-free per step.
     */
    public TrainConfig keepingZero(Network network, TrainConfig config) {
        check(network);
        TrainConfig.StepListener own = config.afterStep();
        Tensor[] ws = new Tensor[weights.length];
        Tensor[] bs = new Tensor[weights.length];
        for (int i = 0; i < weights.length; i++) {
            ws[i] = network.weights().get(i).value();
            bs[i] = network.biases().get(i).value();
        }
        return config.withAfterStep((epoch, batch) -> {
            for (int i = 0; i < ws.length; i++) {
                zero(ws[i], weights[i]);
                zero(bs[i], biases[i]);
            }
            if (own != null) {
                own.afterUpdate(epoch, batch);
            }
        });
    }

    private static void zero(Tensor t, boolean[] keep) {
        if (keep == null) {
            return;
        }
        if (t.isFloat()) {
            float[] a = t.fa();
            for (int k = 0; k < keep.length; k++) {
                if (!keep[k]) {
                    a[k] = 0f;
                }
            }
        } else {
            double[] a = t.da();
            for (int k = 0; k < keep.length; k++) {
                if (!keep[k]) {
                    a[k] = 0.0;
                }
            }
        }
    }

    /** Pruned entries over all masked tensors. */
    public long prunedCount() {
        long n = 0;
        for (int i = 0; i < weights.length; i++) {
            n += pruned(weights[i]) + pruned(biases[i]);
        }
        return n;
    }

    static long pruned(boolean[] m) {
        if (m == null) {
            return 0;
        }
        long n = 0;
        for (boolean b : m) {
            if (!b) {
                n++;
            }
        }
        return n;
    }

    void check(Network network) {
        int layers = network.weights().size();
        if (layers != weights.length) {
            throw new IllegalArgumentException("masks for " + weights.length + " layers, network has " + layers);
        }
        for (int i = 0; i < layers; i++) {
            checkSize(weights[i], network.weights().get(i).value(), "weight", i);
            checkSize(biases[i], network.biases().get(i).value(), "bias", i);
        }
    }

    private static void checkSize(boolean[] m, Tensor t, String what, int layer) {
        if (m != null && m.length != t.size()) {
            throw new IllegalArgumentException("layer " + layer + " " + what + " mask has " + m.length
                    + " entries, the tensor " + t.size());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PruningMasks other && Arrays.deepEquals(weights, other.weights)
                && Arrays.deepEquals(biases, other.biases);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(weights) + Arrays.deepHashCode(biases);
    }

    /** Masks built from copies of the given arrays (null = tensor not pruned). */
    public static PruningMasks of(List<boolean[]> weightMasks, List<boolean[]> biasMasks) {
        List<boolean[]> w = new ArrayList<>(weightMasks);
        List<boolean[]> b = new ArrayList<>(biasMasks);
        boolean[][] wa = new boolean[w.size()][];
        boolean[][] ba = new boolean[b.size()][];
        for (int i = 0; i < wa.length; i++) {
            wa[i] = w.get(i) == null ? null : w.get(i).clone();
        }
        for (int i = 0; i < ba.length; i++) {
            ba[i] = b.get(i) == null ? null : b.get(i).clone();
        }
        return new PruningMasks(wa, ba);
    }
}
