/**
 * Optimizers in the optax shape ({@code init} → state owning its buffers, {@code update} in place)
 * with PyTorch's arithmetic and validation messages: SGD (weight decay, momentum, Nesterov),
 * RMSprop, Adam, AdamW, Adagrad; per-epoch learning-rate schedules; clipping by global norm;
 * L1 / L2 / elastic-net penalties on weights.
 */
package org.mlopt.optim;
