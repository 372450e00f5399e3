package org.mlopt.linear;

/** The penalty of a {@link LogisticRegression}, as scikit-learn's {@code penalty}. */
public enum Penalty {
    L1, L2, ELASTIC_NET, NONE
}
