/**
 * Pruning that really compresses: unstructured magnitude pruning with masks that persist through
 * fine-tuning and files ({@link org.mlopt.prune.MagnitudePruner}, {@link org.mlopt.prune.PruningMasks}),
 * structured pruning that removes hidden units and builds a smaller network
 * ({@link org.mlopt.prune.NeuronPruner}), one-shot / iterative / gradual schedules with optional
 * lottery-ticket rewinding ({@link org.mlopt.prune.Pruner}), a compact model file storing sparse
 * tensors in CSR ({@link org.mlopt.prune.ModelFile}) and before/after reports
 * ({@link org.mlopt.prune.CompressionReport}).
 */
package org.mlopt.prune;
