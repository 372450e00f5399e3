package org.mlopt.metric;

import java.util.Locale;

/** How per-class scores combine, as scikit-learn's {@code average=} argument. */
public enum Average {
    /** The score of the positive class only (two classes). */
    BINARY,
    /** Unweighted mean over the labels present in the true or predicted labels. */
    MACRO,
    /** Computed from the total true/false positives over all labels. */
    MICRO,
    /** Mean weighted by each label's true count (support). */
    WEIGHTED;

    /** Parses {@code binary|macro|micro|weighted}. */
    public static Average parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown average '" + s + "' (binary, macro, micro or weighted)");
        }
    }
}
