package org.mlopt.prune;

import java.util.List;

/**
 * Unstructured magnitude pruning: zero the {@code round(sparsity·n)} smallest |w| (Python's
 * round-half-even, as torch.nn.utils.prune), per tensor ({@link Scope#LAYER}) or across all
 * selected tensors ({@link Scope#GLOBAL}). {@code layers} lists layer indices (null = every layer,
 * the output layer included); biases join only when {@code includeBias}.
 */
public record MagnitudePruning(double sparsity, Scope scope, boolean includeBias, List<Integer> layers) {

    public MagnitudePruning {
        PruneChecks.sparsity(sparsity);
        if (scope == null) {
            scope = Scope.GLOBAL;
        }
        layers = layers == null ? null : List.copyOf(layers);
    }

    /** The reference setting: every dense weight matrix, no biases. */
    public static MagnitudePruning of(double sparsity, Scope scope) {
        return new MagnitudePruning(sparsity, scope, false, null);
    }

    public MagnitudePruning withSparsity(double s) {
        return new MagnitudePruning(s, scope, includeBias, layers);
    }
}
