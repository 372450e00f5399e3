/**
 * Reverse-mode automatic differentiation over a compute graph built once.
 *
 * <p>A {@link org.mlopt.autodiff.Graph} holds leaves (data inputs, parameters, label buffers) and
 * ops; {@link org.mlopt.autodiff.Graph#compile} selects the ops a target needs and allocates every
 * buffer for a maximum batch, giving a {@link org.mlopt.autodiff.Program} that runs forward and
 * backward with no allocation; smaller batches only reshape. The forward kernels and
 * vector-Jacobian rules form one table, {@link org.mlopt.autodiff.Ops}. Matrix products go through
 * {@code org.mlopt.tensor.MatMuls}. Precision (float32 default, float64) is fixed per graph; see
 * {@link org.mlopt.autodiff.Tensor} for how kernels handle both.
 */
package org.mlopt.autodiff;
