package org.mlopt.prune;

/**
 * One phase of a pruning schedule: the sparsity it reached (share of the selected weights, or of
 * the hidden units for neuron pruning), the accuracy right after its pruning and the accuracy after
 * the training that follows it (NaN when not measured, or when the phase is not fine-tuned).
 */
public record PruneStage(double sparsity, double accuracyAfterPruning, double accuracyAfterFineTuning) {}
