package org.mlopt.tensor;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits the rows of a product's output across a few threads: the calling thread computes the
 * first share, pooled daemon threads the others. A share is a whole number of 8-row blocks. Handing
 * work to another thread costs tens of microseconds, so only products above
 * {@link #MIN_FLOPS} are split.
 */
final class ParallelRows {

    /** Smallest product (2·m·k·n) worth splitting. */
    static final long MIN_FLOPS = 8_000_000L;

    /** Computes rows [i0, i1) of the output. */
    interface RowRange {
        void run(int i0, int i1);
    }

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "mlopt-matmul-" + THREAD_NUMBER.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private ParallelRows() {}

    /** Runs {@code task} over rows [0, m), on up to {@code threads} threads when flops &ge; minFlops. */
    static void run(int m, long flops, long minFlops, int threads, RowRange task) {
        int shares = Math.min(threads, (m + 7) / 8);
        if (shares <= 1 || flops < minFlops) {
            task.run(0, m);
            return;
        }
        int per = ((m + shares - 1) / shares + 7) / 8 * 8;
        Future<?>[] others = new Future<?>[shares - 1];
        int count = 0;
        for (int i0 = per; i0 < m; i0 += per) {
            int from = i0;
            int to = Math.min(m, i0 + per);
            others[count++] = POOL.submit(() -> task.run(from, to));
        }
        task.run(0, Math.min(m, per));
        for (int t = 0; t < count; t++) {
            await(others[t]);
        }
    }

    private static void await(Future<?> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) throw r;
                    if (cause instanceof Error err) throw err;
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
