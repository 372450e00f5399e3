package org.mlopt.data;

/**
 * numpy's legacy {@code numpy.random.RandomState(seed)}: the MT19937 generator with numpy's
 * seeding and sampling routines, reproduced bit for bit so that splits and shuffles match
 * numpy and scikit-learn for the same integer seed.
 *
 * <p>An integer seed goes through numpy's {@code mt19937_seed} (Knuth's linear initialiser,
 * the one {@code RandomState(int)} uses); {@link #fromArray(int[])} is {@code init_by_array},
 * the one {@code RandomState(array)} uses. Not thread-safe: one instance per stream.
 */
public final class NumpyRandomState {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    /** {@code RandomState(seed)} for a seed in [0, 2^32). */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1: " + seed);
        initGenrand((int) seed);
    }

    private NumpyRandomState() {}

    /** {@code RandomState(np.array(key, dtype=uint32))}: MT19937's {@code init_by_array}. */
    public static NumpyRandomState fromArray(int[] key) {
        NumpyRandomState r = new NumpyRandomState();
        r.initGenrand(19650218);
        int i = 1, j = 0;
        int k = Math.max(N, key.length);
        for (; k > 0; k--) {
            r.mt[i] = (r.mt[i] ^ ((r.mt[i - 1] ^ (r.mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) { r.mt[0] = r.mt[N - 1]; i = 1; }
            if (j >= key.length) j = 0;
        }
        for (k = N - 1; k > 0; k--) {
            r.mt[i] = (r.mt[i] ^ ((r.mt[i - 1] ^ (r.mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) { r.mt[0] = r.mt[N - 1]; i = 1; }
        }
        r.mt[0] = 0x80000000;
        r.pos = N;
        return r;
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        pos = N;
        hasGauss = false;
    }

    private void generate() {
        int kk;
        for (kk = 0; kk < N - M; kk++) {
            int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
        }
        int y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
        pos = 0;
    }

    /** The next raw 32-bit output, as an unsigned value in a long. */
    public long nextUint32() {
        if (pos == N) generate();
        int y = mt[pos++];
        y ^= (y >>> 11);
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= (y >>> 18);
        return y & 0xFFFFFFFFL;
    }

    private long nextUint64() {
        return (nextUint32() << 32) | nextUint32();
    }

    /** {@code random_sample()}: a double in [0, 1) with 53 random bits. */
    public double randomSample() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** {@code random_sample(n)}. */
    public double[] randomSample(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = randomSample();
        return out;
    }

    /** {@code uniform(low, high)}: {@code low + (high - low) * random_sample()}. */
    public double uniform(double low, double high) {
        return low + (high - low) * randomSample();
    }

    /** {@code standard_normal()} of the legacy generator (polar Box–Muller, values used in pairs). */
    public double standardNormal() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1, x2, r2;
        do {
            x1 = 2.0 * randomSample() - 1.0;
            x2 = 2.0 * randomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code normal(loc, scale)}. */
    public double normal(double loc, double scale) {
        return loc + scale * standardNormal();
    }

    /**
     * numpy's {@code random_interval(max)}: uniform integer in [0, max] by masked rejection
     * (the draw {@code shuffle} uses).
     */
    public long randomInterval(long max) {
        if (max == 0) return 0;
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        long value;
        if (max <= 0xFFFFFFFFL) {
            while ((value = (nextUint32() & mask)) > max) { /* reject */ }
        } else {
            while (Long.compareUnsigned(value = (nextUint64() & mask), max) > 0) { /* reject */ }
        }
        return value;
    }

    /** {@code randint(low, high)}: uniform integer in [low, high), numpy's masked rejection. */
    public long randint(long low, long high) {
        if (high <= low) throw new IllegalArgumentException("low >= high: " + low + " >= " + high);
        return low + randomInterval(high - 1 - low);
    }

    /** {@code shuffle(x)} for a 1-d array, in place (Fisher–Yates from the end). */
    public void shuffle(int[] x) {
        for (int i = x.length - 1; i >= 1; i--) {
            int j = (int) randomInterval(i);
            int t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }

    /** {@code permutation(n)}: a shuffled {@code arange(n)}. */
    public int[] permutation(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        shuffle(a);
        return a;
    }

    /** {@code permutation(x)}: a shuffled copy of x. */
    public int[] permutation(int[] x) {
        int[] a = x.clone();
        shuffle(a);
        return a;
    }

    /** {@code choice(pop, size, replace=False)} without weights: {@code permutation(pop)[:size]}. */
    public int[] choiceWithoutReplacement(int populationSize, int size) {
        if (size > populationSize) throw new IllegalArgumentException("Cannot take a larger sample than population");
        int[] p = permutation(populationSize);
        return java.util.Arrays.copyOf(p, size);
    }
}
