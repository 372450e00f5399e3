package org.mlopt.tensor;

/**
 * Cache blocking of a product: {@code kc} rows of B (and columns of A) are multiplied at a time so
 * that one panel of B stays in L1 while it is reused by every row block of A, and {@code mc} rows
 * of A at a time so that their {@code kc}-wide slice stays in L2. The K split is part of each
 * element's sequence of operations, so it depends only on the element type, never on threads.
 *
 * @param kc depth of one K block
 * @param mc rows of A per L2 block
 */
record GemmBlocking(int kc, int mc) {

    GemmBlocking {
        if (kc < 1 || mc < 1) {
            throw new IllegalArgumentException("block sizes must be positive: kc=" + kc + ", mc=" + mc);
        }
    }

    /** fp32: a 256 × 32-float panel of B is 32 KiB. */
    static final GemmBlocking F32 = new GemmBlocking(256, 128);

    /** fp64: a 256 × 16-double panel of B is 32 KiB. */
    static final GemmBlocking F64 = new GemmBlocking(256, 96);
}
