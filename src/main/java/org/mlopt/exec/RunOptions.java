package org.mlopt.exec;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * How to run a planned script.
 *
 * @param seed      the run's seed; statements without their own seed derive theirs from it
 * @param threads   worker threads for parallel trials (results do not depend on it)
 * @param overrides the {@code --set} overrides applied, recorded in the run folder
 * @param cancelled polled between batches and steps; true stops the run, keeping finished outputs
 * @param folder    the run folder, where searches log their trials (and resume from), or null
 */
public record RunOptions(long seed, int threads, List<String> overrides, BooleanSupplier cancelled, java.nio.file.Path folder) {

    public RunOptions {
        overrides = List.copyOf(overrides);
        if (cancelled == null) cancelled = () -> false;
        if (threads < 1) threads = 1;
    }

    /** Options for a run that keeps no files. */
    public RunOptions(long seed, int threads, List<String> overrides, BooleanSupplier cancelled) {
        this(seed, threads, overrides, cancelled, null);
    }

    public static RunOptions defaults() {
        return new RunOptions(0, 1, List.of(), null);
    }
}
