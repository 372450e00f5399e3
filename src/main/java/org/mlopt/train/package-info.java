/**
 * The training loop: {@link org.mlopt.train.Trainer} fits a network on a
 * {@link org.mlopt.train.Dataset} under a {@link org.mlopt.train.TrainConfig} (batching, seeded
 * shuffling, validation, early stopping on any validation metric ({@link org.mlopt.train.EarlyStopping},
 * {@link org.mlopt.train.StoppingRule}, {@link org.mlopt.train.ValidationMetric}), schedules,
 * clipping, cancellation) and returns a
 * {@link org.mlopt.train.History}; divergence raises {@link org.mlopt.train.DivergenceException}.
 */
package org.mlopt.train;
