package org.mlopt.schema;

/** What a component is, which decides where a script may use it. */
public enum Kind {
    DATA_SOURCE("data source"),
    PREPROCESSOR("preprocessor"),
    MODEL("model"),
    LAYER("layer"),
    ACTIVATION("activation"),
    INITIALIZER("initializer"),
    LOSS("loss"),
    REGULARIZER("regularizer"),
    OPTIMIZER("optimizer"),
    SCHEDULE("schedule"),
    METRIC("metric"),
    SEARCH_STRATEGY("search strategy"),
    SPACE("search space primitive"),
    CV("cross-validation scheme"),
    PRUNE_METHOD("pruning method"),
    PRUNE_SCHEDULE("pruning schedule"),
    /** The settings block of a statement ({@code train}, {@code search}, ...). */
    STATEMENT("statement"),
    /** A nested settings block ({@code early_stop: { ... }}, {@code finetune: { ... }}). */
    OPTION_GROUP("option group");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
