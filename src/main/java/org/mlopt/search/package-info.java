/**
 * The hyperparameter-search engine: search spaces ({@link org.mlopt.search.SearchSpace}, read from a
 * script's {@code space { ... }} block by {@link org.mlopt.search.SpaceReader}), samplers (grid,
 * random, TPE), schedulers (successive halving, Hyperband, median stopping) and the
 * {@link org.mlopt.search.SearchRunner} that evaluates trials × folds on a fixed thread pool,
 * records them in a resumable {@code trials.jsonl} and picks the best configuration.
 *
 * <p>Every random draw derives from {@link org.mlopt.plan.SeedSequence} and every proposal from a
 * fixed, ordered history, so a search gives the same trials and the same winner on any number of
 * threads and after any interruption and resume.
 */
package org.mlopt.search;
