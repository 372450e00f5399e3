package org.mlopt.search;

import org.mlopt.plan.SeedSequence;

import java.util.SplittableRandom;

/**
 * Independent random draws: trial {@code i} comes from a generator seeded with
 * {@code SeedSequence.of(seed).child(i)}, so it does not depend on other trials, thread count or
 * completion order. Grid lists and choices are drawn uniformly, loguniform on a log scale.
 */
public final class RandomSampler implements Sampler {

    private final SearchSpace space;
    private final int trials;
    private final long seed;

    public RandomSampler(SearchSpace space, int trials, long seed) {
        if (trials < 1) throw new IllegalArgumentException("random search needs trials >= 1, got " + trials);
        this.space = space;
        this.trials = trials;
        this.seed = seed;
    }

    /** The generator of draw {@code index} for a sampler seeded {@code seed}. */
    static SplittableRandom generator(long seed, int index) {
        return new SplittableRandom(SeedSequence.of(seed).child(index).seed());
    }

    public int size() {
        return trials;
    }

    public boolean adaptive() {
        return false;
    }

    public Config propose(int index, History history) {
        return space.sample(generator(seed, index));
    }

    public String describe() {
        return "random(trials: " + trials + ", seed: " + seed + ")";
    }
}
