package org.mlopt.autodiff;

/** Floating-point width of every buffer in a graph: float32 by default (as PyTorch), float64 on request. */
public enum Precision {
    FLOAT32,
    FLOAT64
}
