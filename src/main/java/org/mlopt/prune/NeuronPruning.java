package org.mlopt.prune;

import java.util.List;

/**
 * Structured pruning of hidden units ranked by the {@link Norm} of their incoming weights (a
 * column of W here, a row of torch's weight as in {@code ln_structured(dim=0)}): the pruned units
 * are removed from the network. {@code layers} lists hidden layer indices (null = every hidden
 * layer); output units are never removed.
 */
public record NeuronPruning(double sparsity, Norm norm, Scope scope, List<Integer> layers) {

    public NeuronPruning {
        PruneChecks.sparsity(sparsity);
        if (norm == null) {
            norm = Norm.L2;
        }
        if (scope == null) {
            scope = Scope.LAYER;
        }
        layers = layers == null ? null : List.copyOf(layers);
    }

    public static NeuronPruning of(double sparsity, Norm norm, Scope scope) {
        return new NeuronPruning(sparsity, norm, scope, null);
    }

    public NeuronPruning withSparsity(double s) {
        return new NeuronPruning(s, norm, scope, layers);
    }
}
