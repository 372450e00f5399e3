package org.mlopt.linear;

/**
 * Cyclic coordinate descent for the elastic net, step for step as scikit-learn's
 * {@code enet_coordinate_descent} (sklearn/linear_model/_cd_fast.pyx): it minimises
 * ½‖y − Xw‖² + l1·‖w‖₁ + ½·l2·‖w‖² (l1 = nα·l1_ratio, l2 = nα(1 − l1_ratio)), sweeps the coordinates in
 * order, and after a sweep whose largest update is below tol·max|w| checks the duality gap against
 * tol·‖y‖².
 */
final class CoordinateDescent {

    /** Coefficients, passes run, final gap (unscaled) and whether it met the tolerance. */
    record Result(double[] w, int nIter, double gap, boolean converged) {}

    private CoordinateDescent() {}

    /**
     * @param cols column-major X (column j at [j·n, (j+1)·n)), already centred if an intercept is fitted
     * @param y    target, already centred if an intercept is fitted
     */
    static Result solve(double[] cols, int n, int p, double[] y, double l1, double l2, int maxIter, double tol) {
        double[] w = new double[p];
        double[] norm2 = new double[p];
        for (int j = 0; j < p; j++) {
            norm2[j] = dot(cols, j * n, cols, j * n, n);
        }
        double[] r = y.clone();
        double dwTol = tol;
        double gapTol = tol * dot(y, 0, y, 0, n);
        double gap = gapTol + 1;
        int iter = 0;
        for (; iter < maxIter; iter++) {
            double wMax = 0;
            double dwMax = 0;
            for (int j = 0; j < p; j++) {
                if (norm2[j] == 0) {
                    continue;
                }
                int off = j * n;
                double old = w[j];
                if (old != 0) {
                    axpy(old, cols, off, r, n);
                }
                double t = dot(cols, off, r, 0, n);
                double updated = Math.signum(t) * Math.max(Math.abs(t) - l1, 0) / (norm2[j] + l2);
                w[j] = updated;
                if (updated != 0) {
                    axpy(-updated, cols, off, r, n);
                }
                dwMax = Math.max(dwMax, Math.abs(updated - old));
                wMax = Math.max(wMax, Math.abs(updated));
            }
            if (wMax == 0 || dwMax / wMax < dwTol || iter == maxIter - 1) {
                gap = dualityGap(cols, n, p, y, r, w, l1, l2);
                if (gap < gapTol) {
                    return new Result(w, iter + 1, gap, true);
                }
            }
        }
        return new Result(w, maxIter, gap, false);
    }

    private static double dualityGap(double[] cols, int n, int p, double[] y, double[] r, double[] w,
                                     double l1, double l2) {
        double dualNorm = 0;
        for (int j = 0; j < p; j++) {
            double xtA = dot(cols, j * n, r, 0, n) - l2 * w[j];
            dualNorm = Math.max(dualNorm, Math.abs(xtA));
        }
        double rNorm2 = dot(r, 0, r, 0, n);
        double wNorm2 = 0;
        double l1Norm = 0;
        for (double v : w) {
            wNorm2 += v * v;
            l1Norm += Math.abs(v);
        }
        double scale;
        double gap;
        if (dualNorm > l1) {
            scale = l1 / dualNorm;
            gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
        } else {
            scale = 1;
            gap = rNorm2;
        }
        return gap + l1 * l1Norm - scale * dot(r, 0, y, 0, n) + 0.5 * l2 * (1 + scale * scale) * wNorm2;
    }

    private static double dot(double[] a, int offA, double[] b, int offB, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[offA + i] * b[offB + i];
            s1 += a[offA + i + 1] * b[offB + i + 1];
            s2 += a[offA + i + 2] * b[offB + i + 2];
            s3 += a[offA + i + 3] * b[offB + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[offA + i] * b[offB + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** r += a·x[off .. off+n) */
    private static void axpy(double a, double[] x, int off, double[] r, int n) {
        for (int i = 0; i < n; i++) {
            r[i] += a * x[off + i];
        }
    }
}
