package org.mlopt.tensor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a range of independent work items (rows of a product, elements of a tensor, columns of a
 * sum, parameters of an optimizer step) across the caller and a few persistent daemon workers.
 *
 * <p>The range is cut into a few chunks per thread, which the caller and the workers claim one at
 * a time: when another process holds a core and a worker does not get to run, the caller takes its
 * chunks instead of waiting for it, and a worker that never started is simply called off. Workers
 * wait for work by spinning for a short while before parking, so that the many small parallel
 * sections of one training step are handed over in about a microsecond rather than the tens of
 * microseconds of waking a parked thread. Posting, claiming and waiting allocate nothing.
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

    /** Spins of a caller waiting for a running chunk before it starts yielding its core to other threads. */
    private static final int CALLER_SPINS = 1 << 11;

    /** Chunks per thread for element-wise work. */
    static final int CHUNKS_PER_THREAD = 4;

    private static final AtomicBoolean BUSY = new AtomicBoolean();
    private static final Job JOB = new Job();
    private static volatile Worker[] workers = new Worker[0];

    private Parallel() {}

    /** Threads a split may use: {@link MatMuls#threads()}. */
    public static int threads() {
        return MatMuls.threads();
    }

    /**
     * Runs {@code task} over [0, n) in chunks whose bounds are multiples of {@code align}, on up to
     * {@link #threads()} threads, when {@code cost} (any unit) reaches {@code minCost}; otherwise,
     * or when the pool is busy, as one call on the calling thread.
     */
    public static void forRange(int n, int align, long cost, long minCost, RangeTask task) {
        run(n, align, cost, minCost, threads(), CHUNKS_PER_THREAD, task);
    }

    /** As {@link #forRange} with an explicit thread count and {@link #CHUNKS_PER_THREAD}. */
    static void run(int n, int align, long cost, long minCost, int threads, RangeTask task) {
        run(n, align, cost, minCost, threads, CHUNKS_PER_THREAD, task);
    }

    /** As {@link #forRange} with an explicit thread count and number of chunks per thread. */
    static void run(int n, int align, long cost, long minCost, int threads, int chunksPerThread, RangeTask task) {
        if (align < 1) throw new IllegalArgumentException("align must be positive, got " + align);
        int units = (n + align - 1) / align;
        int shares = Math.min(threads, units);
        if (shares <= 1 || cost < minCost || !BUSY.compareAndSet(false, true)) {
            if (n > 0) task.run(0, n);
            return;
        }
        try {
            Worker[] pool = ensureWorkers(shares - 1);
            int chunks = Math.min(units, shares * Math.max(1, chunksPerThread));
            int per = (units + chunks - 1) / chunks * align;
            Job job = JOB;
            job.start(task, n, per);
            for (int w = 0; w < shares - 1; w++) {
                pool[w].post(job);
            }
            job.work();
            for (int w = 0; w < shares - 1; w++) {
                pool[w].finishOrCallOff();
            }
            Throwable failure = job.failure.getAndSet(null);
            job.task = null;
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

    /** One split range: chunks of {@code per} items, claimed in order by whichever thread is free. */
    private static final class Job {
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile RangeTask task;
        private volatile int n;
        private volatile int per;

        void start(RangeTask t, int items, int chunk) {
            task = t;
            n = items;
            per = chunk;
            next.set(0);
        }

        /** Claims and runs chunks until none is left; a failure stops further claims. */
        void work() {
            RangeTask t = task;
            int items = n;
            int chunk = per;
            int c;
            while ((c = next.getAndIncrement()) * (long) chunk < items) {
                int from = c * chunk;
                try {
                    t.run(from, Math.min(items, from + chunk));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    next.set(Integer.MAX_VALUE / 2);
                }
            }
        }
    }

    /** One pooled thread: takes a posted job, claims its chunks, signals completion. */
    private static final class Worker extends Thread {
        private static final int IDLE = 0;
        private static final int POSTED = 1;
        private static final int RUNNING = 2;

        private final AtomicInteger state = new AtomicInteger(IDLE);
        private volatile boolean parked;
        private volatile Job job;

        Worker(int number) {
            super("mlopt-parallel-" + number);
            setDaemon(true);
        }

        /** Called by the owner of the pool only. */
        void post(Job j) {
            job = j;
            state.set(POSTED);
            if (parked) LockSupport.unpark(this);
        }

        /** Calls the job off if this worker has not started it, else waits until it has no chunk left. */
        void finishOrCallOff() {
            if (state.compareAndSet(POSTED, IDLE)) return;
            int spins = 0;
            while (state.get() != IDLE) {
                if (++spins < CALLER_SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }

        @Override
        public void run() {
            while (true) {
                long spinStart = System.nanoTime();
                int spins = 0;
                while (state.get() != POSTED || !state.compareAndSet(POSTED, RUNNING)) {
                    if ((++spins & 63) != 0 || System.nanoTime() - spinStart < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (state.get() != POSTED) LockSupport.park(this);
                        parked = false;
                        spinStart = System.nanoTime();
                    }
                }
                job.work();
                state.set(IDLE);
            }
        }
    }
}
