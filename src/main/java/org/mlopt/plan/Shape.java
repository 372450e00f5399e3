package org.mlopt.plan;

/** Rows x features of a dataset; -1 marks an unknown extent. */
public record Shape(int rows, int features) {

    public static final Shape UNKNOWN = new Shape(-1, -1);

    public boolean known() {
        return rows >= 0 && features >= 0;
    }

    public Shape withRows(int newRows) {
        return new Shape(newRows, features);
    }

    @Override
    public String toString() {
        return (rows < 0 ? "?" : Integer.toString(rows)) + " x " + (features < 0 ? "?" : Integer.toString(features));
    }
}
