package org.mlopt.search;

/**
 * Lets an objective report intermediate scores (for example the validation score after each
 * epoch). When a stopping rule decides the fit is poor, {@link #report} returns true and the
 * objective should return what it has.
 */
public interface IntermediateReporter {

    /** Records the score at {@code step} (0-based, increasing); true when the fit should stop now. */
    boolean report(int step, double score);

    /** Whether a stopping rule has stopped this fit. */
    boolean stopped();

    /** A reporter that records nothing and never stops. */
    IntermediateReporter NONE = new IntermediateReporter() {
        public boolean report(int step, double score) { return false; }

        public boolean stopped() { return false; }
    };
}
