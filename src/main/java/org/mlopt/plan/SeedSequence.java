package org.mlopt.plan;

/**
 * A splittable seed derivation: every step that needs randomness gets a seed from its place in
 * the plan (run seed, statement index, trial, fold, phase), never from a shared generator, so a
 * result does not depend on how many threads run the plan or in which order trials finish.
 *
 * <p>Each {@link #child(long)} hashes the parent's state with the key through SplitMix64's
 * finaliser (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014),
 * so paths that differ in any key or in the order of keys give unrelated seeds. Instances are
 * immutable values.
 */
public final class SeedSequence {

    /** The golden-ratio increment SplitMix64 steps by. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Marks "not applicable" for a trial, fold or phase in {@link #derive}. */
    public static final long NONE = -1;

    private final long state;

    private SeedSequence(long state) {
        this.state = state;
    }

    /** The root of a run. */
    public static SeedSequence of(long runSeed) {
        return new SeedSequence(mix64(runSeed + GOLDEN));
    }

    /** An independent sequence for the sub-task numbered {@code key}. */
    public SeedSequence child(long key) {
        return new SeedSequence(mix64(state ^ mix64(key * GOLDEN + 0x632BE59BD9B4E019L)) + GOLDEN);
    }

    /** A 63-bit non-negative seed for this node (usable as a Java, NumPy or PyTorch seed). */
    public long seed() {
        return mix64(state) >>> 1;
    }

    /** The seed of (statement, trial, fold, phase) in a run; pass {@link #NONE} where a level does not apply. */
    public static long derive(long runSeed, int statement, long trial, long fold, long phase) {
        return of(runSeed).child(statement).child(trial).child(fold).child(phase).seed();
    }

    /** SplitMix64's output function (Stafford's Mix13, as in java.util.SplittableRandom). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeedSequence s && s.state == state;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(state);
    }

    @Override
    public String toString() {
        return "SeedSequence[" + Long.toHexString(state) + "]";
    }
}
