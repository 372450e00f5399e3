package org.mlopt.search;

import java.util.Map;

/**
 * Fits one configuration on one cross-validation fold and returns its metrics on the fold's
 * validation part (at least the search's score metric). Called concurrently from several
 * threads: implementations must not share mutable state between calls.
 */
@FunctionalInterface
public interface Objective {

    /**
     * @param config   the hyperparameters
     * @param fold     0-based fold index
     * @param resource the budget (epochs or samples) under halving/Hyperband, else {@link Resource#FULL}
     * @param seed     the fit's seed, derived from (search seed, trial, fold)
     * @param reporter where intermediate scores go; stop when it says so
     * @return metric name → value; an exception marks the trial failed with its message
     */
    Map<String, Double> fit(Config config, int fold, Resource resource, long seed, IntermediateReporter reporter) throws Exception;
}
