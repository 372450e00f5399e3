package org.mlopt.nn;

import org.mlopt.autodiff.Activation;

/**
 * One fully connected layer: {@code units} outputs, then the activation, then dropout with
 * probability {@code dropout} (0 for none) in training mode.
 */
public record DenseLayerSpec(int units, Activation activation, double dropout) {

    public DenseLayerSpec {
        if (units < 1) {
            throw new IllegalArgumentException("a dense layer needs at least 1 unit, got " + units);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation is required (use IDENTITY for none)");
        }
        if (!(dropout >= 0.0 && dropout < 1.0)) {
            throw new IllegalArgumentException("dropout probability has to be in [0, 1), but got " + dropout);
        }
    }

    public static DenseLayerSpec dense(int units, Activation activation) {
        return new DenseLayerSpec(units, activation, 0.0);
    }
}
