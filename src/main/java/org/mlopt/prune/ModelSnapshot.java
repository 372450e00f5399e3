package org.mlopt.prune;

import java.util.List;

/**
 * One state of a model being compressed: per-layer sizes, file size in the {@link ModelFile}
 * format, median inference time over the evaluation rows with the dense kernel and with the CSR
 * kernel of {@link SparseModel}, and accuracy (NaN when not measured).
 */
public record ModelSnapshot(List<LayerStats> layers, long parameters, long nonZeros, long fileBytes,
        double inferenceMillis, double sparseInferenceMillis, double accuracy) {

    public ModelSnapshot {
        layers = List.copyOf(layers);
    }

    public double sparsity() {
        return parameters == 0 ? 0.0 : 1.0 - (double) nonZeros / parameters;
    }
}
