package org.mlopt.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of preprocessing steps fitted on one training part: each step is fitted on the
 * output of the steps before it, then the whole sequence is applied to every part.
 */
public final class Preprocessing {
    private final List<Preprocessor.Fitted> steps;

    private Preprocessing(List<Preprocessor.Fitted> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Fits {@code steps} in order on {@code train}. */
    public static Preprocessing fit(List<Preprocessor> steps, Dataset train) {
        List<Preprocessor.Fitted> fitted = new ArrayList<>();
        Dataset current = train;
        for (Preprocessor p : steps) {
            Preprocessor.Fitted f = p.fit(current);
            fitted.add(f);
            current = f.transform(current);
        }
        return new Preprocessing(fitted);
    }

    /** The fitted steps, in order. */
    public List<Preprocessor.Fitted> steps() {
        return steps;
    }

    /** Applies every fitted step to {@code data}. */
    public Dataset transform(Dataset data) {
        Dataset current = data;
        for (Preprocessor.Fitted f : steps) current = f.transform(current);
        return current;
    }
}
