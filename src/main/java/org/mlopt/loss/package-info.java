/**
 * Training objectives as PyTorch defines them: regression losses, binary and multi-class
 * cross-entropy from logits (with label smoothing), knowledge distillation. Each
 * {@link org.mlopt.loss.Loss} attaches its ops to a network's graph and returns a
 * {@link org.mlopt.loss.LossHead} naming the inputs the training loop fills.
 */
package org.mlopt.loss;
