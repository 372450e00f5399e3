package org.mlopt.prune;

/** The norm ranking a hidden unit by its incoming weights. */
public enum Norm {
    L1,
    L2;

    /** The norm of column {@code col} of {@code w} (inputs × units): one unit's incoming weights. */
    double ofColumn(org.mlopt.autodiff.Tensor w, int col) {
        int rows = w.rows();
        int cols = w.cols();
        double s = 0;
        for (int r = 0; r < rows; r++) {
            double v = w.get(r * cols + col);
            s += this == L1 ? Math.abs(v) : v * v;
        }
        return this == L1 ? s : Math.sqrt(s);
    }
}
