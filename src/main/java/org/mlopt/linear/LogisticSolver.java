package org.mlopt.linear;

/**
 * Which scikit-learn solver's objective a {@link LogisticRegression} reproduces. The minimiser is the
 * same for all (see {@link LogisticRegression}); only the objective changes.
 */
public enum LogisticSolver {
    /**
     * {@code liblinear} for two classes with l1 or l2, {@code lbfgs} for more classes with l2 or
     * none, {@code saga} otherwise.
     */
    AUTO,
    /**
     * liblinear's binary objective: the intercept is a constant feature of value 1 and is penalised;
     * l2: ½‖(w, b)‖² + C·Σ loss; l1: ‖(w, b)‖₁ + C·Σ loss.
     */
    LIBLINEAR,
    /** lbfgs: C·Σ loss + ½‖W‖² (l2) or C·Σ loss (none), intercept not penalised; multinomial for k > 2. */
    LBFGS,
    /**
     * saga: C·Σ loss + l1Ratio·‖W‖₁ + ½(1 − l1Ratio)‖W‖² for any penalty, intercept not penalised;
     * multinomial for k > 2.
     */
    SAGA
}
