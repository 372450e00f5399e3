package org.mlopt.data;

/**
 * A preprocessing step as written in a script (its settings only). {@link #fit} learns what
 * the step needs from a training part and returns the fitted step, which transforms any part.
 * Fitting never modifies the dataset.
 */
public sealed interface Preprocessor permits Standardize, MinMax, Scale, OneHot, Impute {

    /** Learns the step's statistics from {@code train}. */
    Fitted fit(Dataset train);

    /** A fitted step: applies the statistics learned on the training part. */
    interface Fitted {
        /** A new dataset with transformed features; {@code data} is not modified. */
        Dataset transform(Dataset data);
    }
}
