package org.mlopt.schema;

/** The learning task a dataset's target implies. */
public enum Task {
    REGRESSION, BINARY, MULTICLASS;

    public boolean isClassification() {
        return this != REGRESSION;
    }

    public String label() {
        return switch (this) {
            case REGRESSION -> "regression";
            case BINARY -> "binary classification";
            case MULTICLASS -> "multi-class classification";
        };
    }
}
