/**
 * Feed-forward networks: a {@link org.mlopt.nn.NetworkSpec} (layers, activations, dropout,
 * initialiser, precision, seed) compiles to a {@link org.mlopt.nn.Network}, a graph of dense
 * layers (matrix product, fused bias + activation, optional dropout) with its parameters.
 */
package org.mlopt.nn;
