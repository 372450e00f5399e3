package org.mlopt.search;

/**
 * Proposes configurations. Proposal {@code index} must depend only on the index, the sampler's
 * own settings and {@code history}, so the runner can reproduce it on any thread count and after
 * a resume.
 */
public interface Sampler {

    /** How many configurations a search without a scheduler evaluates. */
    int size();

    /**
     * Whether proposals use earlier results. The runner then proposes in waves of the search's
     * {@code parallel} setting, each wave seeing the results of all earlier waves.
     */
    boolean adaptive();

    /** The configuration numbered {@code index} (0-based). */
    Config propose(int index, History history);

    /** A short description such as {@code random(trials: 20, seed: 0)}. */
    String describe();
}
