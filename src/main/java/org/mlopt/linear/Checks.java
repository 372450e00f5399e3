package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;

/** Argument validation shared by the models, with messages a user can act on. */
final class Checks {

    private Checks() {}

    static void shapes(DMatrixRMaj x, int targets) {
        if (x == null) {
            throw new IllegalArgumentException("X must not be null");
        }
        if (x.numRows == 0 || x.numCols == 0) {
            throw new IllegalArgumentException("X is empty (" + x.numRows + " rows, " + x.numCols + " columns)");
        }
        if (x.numRows != targets) {
            throw new IllegalArgumentException("X has " + x.numRows + " rows but the target has " + targets + " values");
        }
        double[] d = x.data;
        int size = x.numRows * x.numCols;
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("X contains a non-finite value at row " + (i / x.numCols)
                        + ", column " + (i % x.numCols));
            }
        }
    }

    static void finite(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y contains a non-finite value at row " + i);
            }
        }
    }

    static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be a finite value >= 0)");
        }
    }

    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be a finite value > 0)");
        }
    }

    static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be > 0)");
        }
    }

    static void unitInterval(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be in [0, 1])");
        }
    }

    static void columns(DMatrixRMaj x, int expected) {
        if (x.numCols != expected) {
            throw new IllegalArgumentException("X has " + x.numCols + " columns but the model was fitted on "
                    + expected);
        }
    }
}
