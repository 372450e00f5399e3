package org.mlopt.linear;

/**
 * Orthant-wise limited-memory quasi-Newton (Andrew and Gao, 2007) for f(x) + Σ λⱼ|xⱼ| with f smooth
 * and convex; with every λⱼ = 0 it is L-BFGS with a backtracking (Armijo) line search. Stops when the
 * largest component of the pseudo-gradient falls below tol times its value at the start (at least
 * tol), or when no step decreases the objective any more.
 */
final class OwlQn {

    /** Minimiser, iterations run, final objective and whether the tolerance was met. */
    record Result(double[] x, int iterations, double value, boolean converged) {}

    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 60;

    private OwlQn() {}

    static Result minimize(SmoothFunction f, double[] l1, double[] x0, int maxIter, double tol) {
        int dim = f.dimension();
        double[] x = x0.clone();
        double[] g = new double[dim];
        double[] pg = new double[dim];
        double[] dir = new double[dim];
        double[] xNew = new double[dim];
        double[] gNew = new double[dim];
        double[][] s = new double[MEMORY][dim];
        double[][] yv = new double[MEMORY][dim];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int head = 0;

        double value = f.valueAndGradient(x, g) + l1Norm(l1, x);
        pseudoGradient(x, g, l1, pg);
        double scale = Math.max(1, maxAbs(pg));
        double stop = tol * scale;
        double loose = 1e-5 * scale;
        int iter = 0;
        boolean converged = maxAbs(pg) <= stop;
        while (!converged && iter < maxIter) {
            iter++;
            twoLoop(pg, s, yv, rho, alpha, stored, head, dir);
            for (int j = 0; j < dim; j++) {
                dir[j] = -dir[j];
                if (l1[j] > 0 && dir[j] * pg[j] >= 0) {
                    dir[j] = 0;   // keep the step inside the orthant the pseudo-gradient points into
                }
            }
            double step = stored == 0 ? 1.0 / Math.max(1, norm(pg)) : 1.0;
            double newValue = Double.NaN;
            boolean accepted = false;
            for (int bt = 0; bt < MAX_BACKTRACKS; bt++) {
                double decrease = 0;
                for (int j = 0; j < dim; j++) {
                    double v = x[j] + step * dir[j];
                    if (l1[j] > 0) {
                        double orthant = x[j] != 0 ? Math.signum(x[j]) : -Math.signum(pg[j]);
                        if (Math.signum(v) != orthant) {
                            v = 0;
                        }
                    }
                    xNew[j] = v;
                    decrease += pg[j] * (v - x[j]);
                }
                newValue = f.valueAndGradient(xNew, gNew) + l1Norm(l1, xNew);
                if (newValue <= value + ARMIJO * decrease) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                converged = maxAbs(pg) <= loose;   // at the floating-point floor
                break;
            }
            double sy = 0;
            double yy = 0;
            double[] sNext = s[head];
            double[] yNext = yv[head];
            for (int j = 0; j < dim; j++) {
                sNext[j] = xNew[j] - x[j];
                yNext[j] = gNew[j] - g[j];
                sy += sNext[j] * yNext[j];
                yy += yNext[j] * yNext[j];
            }
            if (sy > 1e-12 * yy && sy > 0) {
                rho[head] = 1 / sy;
                head = (head + 1) % MEMORY;
                stored = Math.min(stored + 1, MEMORY);
            }
            System.arraycopy(xNew, 0, x, 0, dim);
            System.arraycopy(gNew, 0, g, 0, dim);
            double previous = value;
            value = newValue;
            pseudoGradient(x, g, l1, pg);
            converged = maxAbs(pg) <= stop;
            if (!converged && previous - value <= 0) {
                converged = maxAbs(pg) <= loose;   // no progress left in floating point
                break;
            }
        }
        return new Result(x, iter, value, converged);
    }

    /** dir = H·v with the L-BFGS inverse-Hessian approximation. */
    private static void twoLoop(double[] v, double[][] s, double[][] y, double[] rho, double[] alpha, int stored,
                                int head, double[] dir) {
        int dim = v.length;
        System.arraycopy(v, 0, dir, 0, dim);
        for (int k = 0; k < stored; k++) {
            int i = Math.floorMod(head - 1 - k, MEMORY);
            alpha[i] = rho[i] * dot(s[i], dir);
            axpy(-alpha[i], y[i], dir);
        }
        if (stored > 0) {
            int last = Math.floorMod(head - 1, MEMORY);
            double gamma = 1 / (rho[last] * dot(y[last], y[last]));
            for (int j = 0; j < dim; j++) {
                dir[j] *= gamma;
            }
        }
        for (int k = stored - 1; k >= 0; k--) {
            int i = Math.floorMod(head - 1 - k, MEMORY);
            double beta = rho[i] * dot(y[i], dir);
            axpy(alpha[i] - beta, s[i], dir);
        }
    }

    /** The steepest-descent direction's negative for f + Σλ|x| (minimum-norm subgradient). */
    static void pseudoGradient(double[] x, double[] g, double[] l1, double[] pg) {
        for (int j = 0; j < x.length; j++) {
            double lam = l1[j];
            if (lam == 0) {
                pg[j] = g[j];
            } else if (x[j] > 0) {
                pg[j] = g[j] + lam;
            } else if (x[j] < 0) {
                pg[j] = g[j] - lam;
            } else if (g[j] + lam < 0) {
                pg[j] = g[j] + lam;
            } else if (g[j] - lam > 0) {
                pg[j] = g[j] - lam;
            } else {
                pg[j] = 0;
            }
        }
    }

    private static double l1Norm(double[] l1, double[] x) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += l1[j] * Math.abs(x[j]);
        }
        return s;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double a : v) {
            m = Math.max(m, Math.abs(a));
        }
        return m;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
