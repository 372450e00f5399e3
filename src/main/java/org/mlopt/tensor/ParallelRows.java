package org.mlopt.tensor;

/**
 * Splits the rows of a product's output across threads ({@link Parallel}) in chunks of whole 8-row
 * blocks, two chunks per thread: few enough that each chunk still reuses B over many rows, enough
 * that the caller can take a worker's chunk when that worker does not get a core. Handing a chunk
 * to a waiting worker costs about a microsecond, so only products above {@link #MIN_FLOPS} are split.
 */
final class ParallelRows {

    /** Smallest product (2·m·k·n) worth splitting. */
    static final long MIN_FLOPS = Long.getLong("mlopt.parallel.minFlops", 500_000L);

    /** Chunks per thread. */
    static final int CHUNKS_PER_THREAD = 2;

    /** Computes rows [i0, i1) of the output. */
    interface RowRange extends Parallel.RangeTask {
    }

    private ParallelRows() {}

    /** Runs {@code task} over rows [0, m), on up to {@code threads} threads when flops &ge; minFlops. */
    static void run(int m, long flops, long minFlops, int threads, RowRange task) {
        Parallel.run(m, 8, flops, minFlops, threads, CHUNKS_PER_THREAD, task);
    }
}
