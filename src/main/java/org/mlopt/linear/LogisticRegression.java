package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * Logistic regression with scikit-learn's meaning of {@code C} (inverse penalty strength, on a
 * summed loss) and {@code penalty}. The {@link LogisticSolver} picks whose objective is minimised
 * (liblinear's penalised intercept, or lbfgs/saga's unpenalised one); the minimiser runs to a tight
 * tolerance, so the result is the optimum that solver approaches: proximal Newton with the exact
 * Hessian for two classes (up to 1000 features), OWL-QN (L-BFGS when there is no ℓ1 term) otherwise.
 *
 * @param c       inverse penalty strength, > 0
 * @param penalty l1, l2, elastic net or none
 * @param l1Ratio elastic-net mix (1 = l1, 0 = l2); used only with {@link Penalty#ELASTIC_NET}
 * @param solver  whose objective to reproduce
 * @param tol     stop when the largest pseudo-gradient component is below tol × its initial value
 * @param maxIter maximum solver iterations
 */
public record LogisticRegression(double c, Penalty penalty, double l1Ratio, LogisticSolver solver, double tol,
                                 int maxIter) {

    /** Above this many parameters the dense Hessian costs more than quasi-Newton iterations save. */
    private static final int NEWTON_MAX_DIMENSION = 1000;

    public LogisticRegression {
        Checks.positive("C", c);
        if (penalty == null || solver == null) {
            throw new IllegalArgumentException("penalty and solver must not be null");
        }
        Checks.unitInterval("l1 ratio", l1Ratio);
        Checks.positive("tol", tol);
        Checks.positive("max iterations", maxIter);
        if (solver == LogisticSolver.LIBLINEAR && (penalty == Penalty.ELASTIC_NET || penalty == Penalty.NONE)) {
            throw new IllegalArgumentException("the liblinear objective supports penalty l1 or l2, not "
                    + penalty.name().toLowerCase());
        }
        if (solver == LogisticSolver.LBFGS && (penalty == Penalty.L1 || penalty == Penalty.ELASTIC_NET)) {
            throw new IllegalArgumentException("the lbfgs objective supports penalty l2 or none, not "
                    + penalty.name().toLowerCase() + "; use saga");
        }
    }

    /** C and penalty with the automatic solver choice, a tight tolerance and 1000 iterations. */
    public static LogisticRegression of(double c, Penalty penalty) {
        return new LogisticRegression(c, penalty, 0.5, LogisticSolver.AUTO, 1e-10, 1000);
    }

    /** The same hyperparameters with another C (for searches). */
    public LogisticRegression withC(double newC) {
        return new LogisticRegression(newC, penalty, l1Ratio, solver, tol, maxIter);
    }

    /** The same hyperparameters with another penalty (for searches). */
    public LogisticRegression withPenalty(Penalty newPenalty) {
        return new LogisticRegression(c, newPenalty, l1Ratio, solver, tol, maxIter);
    }

    /**
     * @param labels class of each row, 0 … k−1 with k ≥ 2
     */
    public LogisticModel fit(DMatrixRMaj x, int[] labels) {
        Checks.shapes(x, labels.length);
        int classes = countClasses(labels);
        LogisticSolver chosen = resolve(classes);
        if (chosen == LogisticSolver.LIBLINEAR && classes > 2) {
            throw new IllegalArgumentException("the liblinear objective is binary; " + classes
                    + " classes need lbfgs or saga");
        }
        int k = classes == 2 ? 1 : classes;
        int p = x.numCols;
        int dim = LogisticObjective.dimension(k, p, true);
        double[] l1 = new double[dim];
        double[] l2 = new double[dim];
        int penalised = chosen == LogisticSolver.LIBLINEAR ? dim : k * p;   // liblinear penalises b too
        double l1Weight = l1Weight();
        double l2Weight = l2Weight();
        Arrays.fill(l1, 0, penalised, l1Weight);
        Arrays.fill(l2, 0, penalised, l2Weight);
        LogisticObjective objective = new LogisticObjective(x, labels, k, c, true, l2);
        OwlQn.Result r = k == 1 && dim <= NEWTON_MAX_DIMENSION
                ? ProximalNewton.minimize(objective, l1, new double[dim], maxIter, tol)
                : OwlQn.minimize(objective, l1, new double[dim], maxIter, tol);
        DMatrixRMaj coef = new DMatrixRMaj(k, p);
        System.arraycopy(r.x(), 0, coef.data, 0, k * p);
        double[] intercept = Arrays.copyOfRange(r.x(), k * p, dim);
        return new LogisticModel(classes, coef, intercept, r.iterations(), r.converged());
    }

    /** The solver {@link LogisticSolver#AUTO} stands for, given the number of classes. */
    public LogisticSolver resolve(int classes) {
        if (solver != LogisticSolver.AUTO) {
            return solver;
        }
        if (classes == 2 && (penalty == Penalty.L1 || penalty == Penalty.L2)) {
            return LogisticSolver.LIBLINEAR;
        }
        return penalty == Penalty.L2 || penalty == Penalty.NONE ? LogisticSolver.LBFGS : LogisticSolver.SAGA;
    }

    private double l1Weight() {
        switch (penalty) {
            case L1:
                return 1;
            case ELASTIC_NET:
                return l1Ratio;
            default:
                return 0;
        }
    }

    private double l2Weight() {
        switch (penalty) {
            case L2:
                return 1;
            case ELASTIC_NET:
                return 1 - l1Ratio;
            default:
                return 0;
        }
    }

    private static int countClasses(int[] labels) {
        int max = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i
                        + " is negative; classes must be 0 … k−1");
            }
            max = Math.max(max, labels[i]);
        }
        boolean[] seen = new boolean[max + 1];
        for (int label : labels) {
            seen[label] = true;
        }
        for (int m = 0; m <= max; m++) {
            if (!seen[m]) {
                throw new IllegalArgumentException("class " + m + " has no rows; classes must be 0 … k−1, each present");
            }
        }
        if (max < 1) {
            throw new IllegalArgumentException("logistic regression needs at least 2 classes, got " + (max + 1));
        }
        return max + 1;
    }
}
