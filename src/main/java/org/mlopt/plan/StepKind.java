package org.mlopt.plan;

/** What a step of an execution graph does. */
public enum StepKind {
    LOAD_DATA, SPLIT, FIT_PREPROCESS, APPLY_PREPROCESS, TRAIN, EVALUATE,
    /** A search's selection step: reads every fold score and picks the best configuration. */
    SEARCH,
    /** One trial (configuration) fitted on one fold of a search. */
    FIT,
    /** Successive halving: keeps the best 1/factor of a rung's configurations for the next rung. */
    PROMOTE,
    REFIT, PRUNE, FINETUNE, TEACHER_OUTPUTS, DISTILL, BASELINE, SAVE, LOAD_MODEL, REPORT;

    /** Steps whose result depends on a random seed. */
    public boolean usesRandomness() {
        return switch (this) {
            case SPLIT, TRAIN, FIT, REFIT, FINETUNE, DISTILL, BASELINE -> true;
            default -> false;
        };
    }
}
