package org.mlopt.plan;

/** What an artifact flowing between steps holds. */
public enum ArtifactKind {
    /** A file that exists before the run (a CSV, a saved model) or is written by it. */
    FILE,
    DATASET,
    /** Fitted preprocessing (means, scales, categories). */
    TRANSFORM,
    MODEL,
    /** One fit's validation scores in a search. */
    SCORES,
    /** The configurations kept after a rung of successive halving. */
    SURVIVORS,
    /** A search's trial table and best configuration. */
    SEARCH_RESULT,
    /** Model outputs kept for a later step (a teacher's logits). */
    PREDICTIONS,
    METRICS,
    REPORT
}
