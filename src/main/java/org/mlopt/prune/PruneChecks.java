package org.mlopt.prune;

/** Argument checks shared by the pruning settings. */
final class PruneChecks {

    private PruneChecks() {}

    static void sparsity(double s) {
        if (!(s >= 0.0 && s < 1.0)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1), got " + s);
        }
    }

    /** Python's round(): half to even, as torch.nn.utils.prune counts the entries to remove. */
    static int roundHalfEven(double v) {
        return (int) Math.rint(v);
    }

    static void layerIndex(int layer, int layers) {
        if (layer < 0 || layer >= layers) {
            throw new IllegalArgumentException("layer index " + layer + " is outside [0, " + (layers - 1)
                    + "] for a network with " + layers + " layers");
        }
    }
}
