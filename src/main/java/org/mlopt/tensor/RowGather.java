package org.mlopt.tensor;

/**
 * Copies the rows of a mini-batch out of a dataset in a given order: dst row r = src row
 * perm[start + r]. Batches of many features (e.g. 128 × 784 floats, drawn from all over a large
 * array, so bound by memory latency) are split across threads ({@link Parallel}); a row is copied
 * whole by one thread, so the result is the same on any thread count. Allocates nothing.
 */
public final class RowGather {

    /** Batches from this many elements up are split across threads. */
    static final long MIN_SPLIT_ELEMENTS = 32_768;

    private static final ThreadLocal<Task> TASK = ThreadLocal.withInitial(Task::new);

    private RowGather() {}

    /** Rows [0, m) of {@code dst} (d columns) = rows perm[start], ..., perm[start + m − 1] of {@code src}. */
    public static void copy(float[] src, int d, int[] perm, int start, int m, float[] dst) {
        Task t = TASK.get();
        t.fs = src;
        t.fd = dst;
        run(t, d, perm, start, m);
        t.fs = null;
        t.fd = null;
    }

    /** As {@link #copy(float[], int, int[], int, int, float[])} for doubles. */
    public static void copy(double[] src, int d, int[] perm, int start, int m, double[] dst) {
        Task t = TASK.get();
        t.ds = src;
        t.dd = dst;
        run(t, d, perm, start, m);
        t.ds = null;
        t.dd = null;
    }

    private static void run(Task t, int d, int[] perm, int start, int m) {
        t.d = d;
        t.perm = perm;
        t.start = start;
        Parallel.forRange(m, 1, (long) m * d, MIN_SPLIT_ELEMENTS, t);
        t.perm = null;
    }

    private static final class Task implements Parallel.RangeTask {
        float[] fs;
        float[] fd;
        double[] ds;
        double[] dd;
        int[] perm;
        int d;
        int start;

        @Override
        public void run(int from, int to) {
            for (int r = from; r < to; r++) {
                int s = perm[start + r] * d;
                if (fs != null) {
                    System.arraycopy(fs, s, fd, r * d, d);
                } else {
                    System.arraycopy(ds, s, dd, r * d, d);
                }
            }
        }
    }
}
