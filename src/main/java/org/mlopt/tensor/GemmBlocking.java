package org.mlopt.tensor;

/**
 * Cache blocking of a product: {@code kc} rows of B (and columns of A) are multiplied at a time so
 * that one panel of B stays in L1 while it is reused by every row block of A, and {@code mc} rows
 * of A at a time so that their {@code kc}-wide slice stays in L2. The K split is part of each
 * element's sequence of operations, so it depends only on the element type, never on threads.
 *
 * @param kc depth of one K block
 * @param mc rows of A per L2 block
 * @param packMinN width of B from which its rows are copied into contiguous panels even when they
 *     could be read in place
 */
record GemmBlocking(int kc, int mc, int packMinN) {

    GemmBlocking {
        if (kc < 1 || mc < 1 || packMinN < 1) {
            throw new IllegalArgumentException("block sizes must be positive: kc=" + kc + ", mc=" + mc);
        }
    }

    /** fp32: a 128 × 32-float panel of B is 16 KiB, half of L1. */
    static final GemmBlocking F32 = new GemmBlocking(
            Integer.getInteger("mlopt.gemm.f32.kc", 128), Integer.getInteger("mlopt.gemm.f32.mc", 128),
            Integer.getInteger("mlopt.gemm.f32.packMinN", 256));

    /** fp64: a 128 × 16-double panel of B is 16 KiB, half of L1. */
    static final GemmBlocking F64 = new GemmBlocking(
            Integer.getInteger("mlopt.gemm.f64.kc", 128), Integer.getInteger("mlopt.gemm.f64.mc", 96),
            Integer.getInteger("mlopt.gemm.f64.packMinN", 128));
}
