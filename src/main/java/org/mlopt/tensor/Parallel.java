package org.mlopt.tensor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a range of independent work items (rows of a product, elements of a tensor, columns of a
 * sum, parameters of an optimizer step) across the caller and a few persistent daemon workers.
 *
 * <p>Workers wait for work by spinning for a short while before parking, so that the many small
 * parallel sections of one training step (a few per layer) are handed over in about a microsecond
 * rather than the tens of microseconds of waking a parked thread. Posting and waiting allocate
 * nothing.
 *
 * <p>Callers must make every item's result independent of how the range is split (each item
 * computed by the same operations whatever thread computes it, no reduction across items): the
 * split then cannot change a bit, and a range may run on the caller alone, as it does whenever
 * the pool is busy with another caller (concurrent trainings, or a task that itself asks for a
 * split).
 */
public final class Parallel {

    /** Work on items [from, to). */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    /** How long an idle worker spins before it parks. */
    private static final long SPIN_NANOS = Long.getLong("mlopt.parallel.spinNanos", 50_000L);

    /** Spins of a caller waiting for a share before it starts yielding its core to other threads. */
    private static final int CALLER_SPINS = 1 << 11;

    private static final AtomicBoolean BUSY = new AtomicBoolean();
    private static volatile Worker[] workers = new Worker[0];

    private Parallel() {}

    /** Threads a split may use: {@link MatMuls#threads()}. */
    public static int threads() {
        return MatMuls.threads();
    }

    /**
     * Runs {@code task} over [0, n) in up to {@link #threads()} contiguous shares whose bounds are
     * multiples of {@code align}, when {@code cost} (any unit) reaches {@code minCost}; otherwise,
     * or when the pool is busy, as one call on the calling thread.
     */
    public static void forRange(int n, int align, long cost, long minCost, RangeTask task) {
        run(n, align, cost, minCost, threads(), task);
    }

    /** As {@link #forRange} with an explicit thread count. */
    static void run(int n, int align, long cost, long minCost, int threads, RangeTask task) {
        if (align < 1) throw new IllegalArgumentException("align must be positive, got " + align);
        int shares = Math.min(threads, (n + align - 1) / align);
        if (shares <= 1 || cost < minCost || !BUSY.compareAndSet(false, true)) {
            if (n > 0) task.run(0, n);
            return;
        }
        try {
            Worker[] pool = ensureWorkers(shares - 1);
            int per = ((n + shares - 1) / shares + align - 1) / align * align;
            int posted = 0;
            for (int from = per; from < n; from += per) {
                pool[posted++].post(task, from, Math.min(n, from + per));
            }
            Throwable failure = null;
            try {
                task.run(0, Math.min(n, per));
            } catch (Throwable t) {
                failure = t;
            }
            for (int w = 0; w < posted; w++) {
                Throwable f = pool[w].await();
                if (failure == null) failure = f;
            }
            if (failure instanceof RuntimeException r) throw r;
            if (failure instanceof Error e) throw e;
            if (failure != null) throw new IllegalStateException(failure);
        } finally {
            BUSY.set(false);
        }
    }

    private static Worker[] ensureWorkers(int count) {
        Worker[] pool = workers;
        if (pool.length >= count) return pool;
        Worker[] grown = java.util.Arrays.copyOf(pool, count);
        for (int i = pool.length; i < count; i++) {
            grown[i] = new Worker(i + 1);
            grown[i].start();
        }
        workers = grown;
        return grown;
    }

    /** One pooled thread: takes a posted share, runs it, signals completion. */
    private static final class Worker extends Thread {
        private volatile int posted;
        private volatile int finished;
        private volatile boolean parked;
        private RangeTask task;
        private int from;
        private int to;
        private Throwable failure;

        Worker(int number) {
            super("mlopt-parallel-" + number);
            setDaemon(true);
        }

        /** Called by the owner of the pool only. */
        void post(RangeTask t, int f, int e) {
            task = t;
            from = f;
            to = e;
            failure = null;
            posted = posted + 1; // volatile write publishes the fields above
            if (parked) LockSupport.unpark(this);
        }

        /** Waits until the posted share has run; returns its failure, if any. */
        Throwable await() {
            int target = posted;
            int spins = 0;
            while (finished != target) {
                if (++spins < CALLER_SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            return failure;
        }

        @Override
        public void run() {
            int seen = 0;
            while (true) {
                int next = seen + 1;
                long spinStart = System.nanoTime();
                int spins = 0;
                while (posted != next) {
                    if ((++spins & 63) != 0 || System.nanoTime() - spinStart < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (posted != next) LockSupport.park(this);
                        parked = false;
                        spinStart = System.nanoTime();
                    }
                }
                seen = next;
                try {
                    task.run(from, to);
                } catch (Throwable t) {
                    failure = t;
                }
                task = null;
                finished = next; // volatile write publishes failure
            }
        }
    }
}
