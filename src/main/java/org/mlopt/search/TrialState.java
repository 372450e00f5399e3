package org.mlopt.search;

/** How a trial ended. */
public enum TrialState {
    /** Every fold returned its metrics. */
    COMPLETE,
    /** A stopping rule stopped at least one fold. */
    PRUNED,
    /** At least one fold threw; the message says why. */
    FAILED
}
