package org.mlopt.tensor;

/**
 * Chooses the matrix-product kernel for this process: the fastest one available, or EJML's when
 * {@code -Dmlopt.kernel=ejml} asks for it.
 */
public final class MatMuls {

    private static final MatMul CHOSEN = choose();

    private MatMuls() {}

    public static MatMul get() {
        return CHOSEN;
    }

    private static MatMul choose() {
        return new EjmlMatMul();
    }
}
