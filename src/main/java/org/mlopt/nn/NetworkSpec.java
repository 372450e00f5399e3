package org.mlopt.nn;

import java.util.List;
import org.mlopt.autodiff.Precision;

/**
 * What a feed-forward network is, with no fitted state: input width, dense layers in order,
 * initialisation, precision and the seed all randomness (initial weights, dropout masks) derives
 * from. {@link Network#compile(NetworkSpec)} turns it into buffers and a graph.
 */
public record NetworkSpec(int inputs, List<DenseLayerSpec> layers, Initializer initializer,
        Precision precision, long seed) {

    public NetworkSpec {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least 1 input, got " + inputs);
        }
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        layers = List.copyOf(layers);
        if (initializer == null) {
            initializer = Initializer.TORCH_DEFAULT;
        }
        if (precision == null) {
            precision = Precision.FLOAT32;
        }
    }

    /** A multilayer perceptron: hidden layers with {@code hidden} activation, a linear output layer. */
    public static NetworkSpec mlp(long seed, org.mlopt.autodiff.Activation hidden, int... widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("an MLP needs an input and an output width");
        }
        List<DenseLayerSpec> ls = new java.util.ArrayList<>();
        for (int i = 1; i < widths.length; i++) {
            ls.add(DenseLayerSpec.dense(widths[i],
                    i == widths.length - 1 ? org.mlopt.autodiff.Activation.IDENTITY : hidden));
        }
        return new NetworkSpec(widths[0], ls, Initializer.TORCH_DEFAULT, Precision.FLOAT32, seed);
    }

    public NetworkSpec withPrecision(Precision p) {
        return new NetworkSpec(inputs, layers, initializer, p, seed);
    }

    public NetworkSpec withSeed(long s) {
        return new NetworkSpec(inputs, layers, initializer, precision, s);
    }

    public NetworkSpec withInitializer(Initializer i) {
        return new NetworkSpec(inputs, layers, i, precision, seed);
    }

    /** Width of the last layer. */
    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }
}
