package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Proximal Newton for f(x) + Σ λⱼ|xⱼ| with f smooth, convex and cheap to differentiate twice in
 * dense form (the scheme of liblinear's newGLMNET solver). Each iteration builds the quadratic model
 * of f with the exact Hessian, minimises model + ℓ1 term (by Cholesky when there is no ℓ1 term, else
 * by cyclic coordinate descent to a tolerance that tightens with the outer gradient), then
 * backtracks along that direction until the objective decreases enough. Converges quadratically near
 * the optimum, so a tight tolerance costs a few extra iterations only.
 */
final class ProximalNewton {

    /** The part of a twice-differentiable objective the solver needs besides value and gradient. */
    interface Hessian extends SmoothFunction {
        /** Writes the dense Hessian at x into h (dimension × dimension, row-major, symmetric). */
        void hessian(double[] x, double[] h);
    }

    private static final double SUFFICIENT_DECREASE = 0.01;
    private static final int MAX_BACKTRACKS = 60;
    private static final int MAX_SWEEPS = 1000;

    private ProximalNewton() {}

    static OwlQn.Result minimize(Hessian f, double[] l1, double[] x0, int maxIter, double tol) {
        int dim = f.dimension();
        double[] x = x0.clone();
        double[] g = new double[dim];
        double[] pg = new double[dim];
        double[] h = new double[dim * dim];
        double[] d = new double[dim];
        double[] hd = new double[dim];
        double[] xNew = new double[dim];
        double[] gNew = new double[dim];
        NewtonSystem newton = smooth(l1) ? new NewtonSystem(dim) : null;

        double smooth = f.valueAndGradient(x, g);
        double value = smooth + l1Norm(l1, x);
        OwlQn.pseudoGradient(x, g, l1, pg);
        double stop = tol * Math.max(1, maxAbs(pg));
        boolean converged = maxAbs(pg) <= stop;
        int iter = 0;
        while (!converged && iter < maxIter) {
            iter++;
            f.hessian(x, h);
            if (smooth(l1)) {
                newton.solve(g, h, d);
            } else {
                direction(x, g, h, l1, d, hd, Math.max(0.1 * stop, 0.01 * maxAbs(pg)));
            }
            double delta = 0;
            for (int j = 0; j < dim; j++) {
                delta += g[j] * d[j] + l1[j] * (Math.abs(x[j] + d[j]) - Math.abs(x[j]));
            }
            if (!(delta < 0)) {
                converged = maxAbs(pg) <= 1e-5 * Math.max(1, stop / tol);   // model sees no descent left
                break;
            }
            double step = 1;
            boolean accepted = false;
            double newValue = value;
            for (int bt = 0; bt < MAX_BACKTRACKS; bt++) {
                for (int j = 0; j < dim; j++) {
                    xNew[j] = x[j] + step * d[j];
                }
                newValue = f.valueAndGradient(xNew, gNew) + l1Norm(l1, xNew);
                // Near the optimum the predicted decrease drops below the objective's rounding; the
                // quadratic model is exact there, so the full step is taken on its word.
                boolean belowRounding = step == 1 && -delta <= 1e-13 * Math.max(1, Math.abs(value));
                if (belowRounding || newValue <= value + SUFFICIENT_DECREASE * step * delta) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                converged = maxAbs(pg) <= 1e-5 * Math.max(1, stop / tol);
                break;
            }
            System.arraycopy(xNew, 0, x, 0, dim);
            System.arraycopy(gNew, 0, g, 0, dim);
            double previousPg = maxAbs(pg);
            boolean decreased = newValue < value;
            value = newValue;
            OwlQn.pseudoGradient(x, g, l1, pg);
            boolean progress = decreased || maxAbs(pg) < 0.5 * previousPg;
            converged = maxAbs(pg) <= stop;
            if (!converged && !progress) {
                converged = maxAbs(pg) <= 1e-5 * Math.max(1, stop / tol);   // at the floating-point floor
                break;
            }
        }
        return new OwlQn.Result(x, iter, value, converged);
    }

    private static boolean smooth(double[] l1) {
        for (double v : l1) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** Buffers of the Newton solve, allocated once per minimisation. */
    private static final class NewtonSystem {
        final DMatrixRMaj a;
        final DMatrixRMaj rhs;
        final LinearSolverDense<DMatrixRMaj> chol;

        NewtonSystem(int dim) {
            a = new DMatrixRMaj(dim, dim);
            rhs = new DMatrixRMaj(dim, 1);
            chol = LinearSolverFactory_DDRM.chol(dim);
        }

        /** d = −H⁻¹g by Cholesky (H is positive definite for a strictly convex objective). */
        void solve(double[] g, double[] h, double[] d) {
            int dim = g.length;
            System.arraycopy(h, 0, a.data, 0, dim * dim);
            if (!chol.setA(a)) {
                System.arraycopy(h, 0, a.data, 0, dim * dim);
                for (int j = 0; j < dim; j++) {
                    a.data[j * dim + j] += 1e-10 * Math.max(1, Math.abs(h[j * dim + j]));
                }
                chol.setA(a);
            }
            for (int j = 0; j < dim; j++) {
                rhs.data[j] = -g[j];
            }
            chol.solve(rhs, DMatrixRMaj.wrap(dim, 1, d));
        }
    }

    /**
     * d minimising gᵀd + ½dᵀHd + Σλⱼ|xⱼ + dⱼ|, by cyclic coordinate descent until the model's
     * pseudo-gradient is below innerTol; hd holds H·d throughout.
     */
    private static void direction(double[] x, double[] g, double[] h, double[] l1, double[] d, double[] hd,
                                  double innerTol) {
        int dim = x.length;
        java.util.Arrays.fill(d, 0);
        java.util.Arrays.fill(hd, 0);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double maxStep = 0;
            double maxAbs = 0;
            double maxPg = 0;
            for (int j = 0; j < dim; j++) {
                double a = Math.max(h[j * dim + j], 1e-12);
                double b = g[j] + hd[j];
                double z = x[j] + d[j];
                double target;
                if (l1[j] == 0) {
                    target = z - b / a;
                } else {
                    double u = z - b / a;
                    double shrink = l1[j] / a;
                    target = u > shrink ? u - shrink : (u < -shrink ? u + shrink : 0);
                }
                double step = target - z;
                if (step != 0) {
                    d[j] += step;
                    int row = j * dim;
                    for (int k = 0; k < dim; k++) {
                        hd[k] += step * h[row + k];
                    }
                }
                maxStep = Math.max(maxStep, Math.abs(step));
                maxAbs = Math.max(maxAbs, Math.abs(target));
            }
            for (int j = 0; j < dim; j++) {
                maxPg = Math.max(maxPg, Math.abs(modelPseudoGradient(g[j] + hd[j], x[j] + d[j], l1[j])));
            }
            if (maxPg <= innerTol || maxStep <= 1e-15 * Math.max(1, maxAbs)) {
                return;
            }
        }
    }

    private static double modelPseudoGradient(double b, double z, double lambda) {
        if (lambda == 0) {
            return b;
        }
        if (z > 0) {
            return b + lambda;
        }
        if (z < 0) {
            return b - lambda;
        }
        return Math.max(Math.abs(b) - lambda, 0);
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
}
