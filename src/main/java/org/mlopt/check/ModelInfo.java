package org.mlopt.check;

import java.util.List;

/**
 * What the checker resolved about a model or network.
 *
 * @param kind        the component name ({@code logistic_regression}, {@code ridge}, ...) or {@code network}
 * @param inputs      input width, inferred from the data it is first trained on (or -1 when unknown)
 * @param outputs     output width (-1 when unknown)
 * @param layers      for a network, the width of every dense layer in order, output layer last; empty otherwise
 * @param parameters  trainable parameters (weights and biases), or -1 when unknown
 */
public record ModelInfo(String name, String kind, int inputs, int outputs, List<Integer> layers, long parameters) {

    public ModelInfo {
        layers = List.copyOf(layers);
    }

    public boolean isNetwork() {
        return kind.equals("network");
    }
}
