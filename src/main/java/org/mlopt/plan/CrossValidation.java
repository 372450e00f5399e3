package org.mlopt.plan;

import org.mlopt.ast.Expr;

import java.util.Optional;

/**
 * How a search scores a configuration: {@code folds} fits, each on {@code trainFraction} of the
 * rows. {@code cv: 5} on a classification target stratifies, as scikit-learn does for an integer
 * {@code cv} with a classifier; no {@code cv} means 5 folds, scikit-learn's default.
 */
record CrossValidation(String description, int folds, double trainFraction) {

    static CrossValidation of(Optional<Expr> cv, boolean classification) {
        if (cv.isEmpty()) return kfold(5, classification ? "stratified" : "kfold");
        Expr e = cv.get();
        if (e instanceof Expr.NumberLit n) return kfold((int) n.value(), classification ? "stratified" : "kfold");
        String name = Values.name(e);
        if (name.equals("holdout")) {
            double f = Values.number(Values.arg(e, "fraction", 0), 0.2);
            return new CrossValidation("holdout " + PlanFormat.number(f), 1, 1 - f);
        }
        int k = (int) Values.number(Values.arg(e, "folds", 0), 5);
        return kfold(k, name);
    }

    private static CrossValidation kfold(int k, String kind) {
        return new CrossValidation(k + "-fold" + (kind.equals("stratified") ? " stratified" : ""), k, (k - 1.0) / k);
    }

    /** Training rows of the largest fold. */
    int trainRows(int rows) {
        return rows < 0 ? -1 : folds == 1 ? rows - holdoutRows(rows) : rows - rows / folds;
    }

    /**
     * Training rows of fold {@code fold} (0-based), as scikit-learn's {@code KFold} cuts them: the
     * first {@code n % k} folds hold one test row more. Holdout keeps {@code ceil(fraction * n)} rows out.
     */
    int trainRows(int rows, int fold) {
        if (rows < 0) return -1;
        if (folds == 1) return rows - holdoutRows(rows);
        return rows - (rows / folds + (fold < rows % folds ? 1 : 0));
    }

    private int holdoutRows(int rows) {
        return (int) Math.ceil((1 - trainFraction) * rows - 1e-9);
    }
}
