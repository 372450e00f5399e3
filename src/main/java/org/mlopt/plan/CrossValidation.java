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

    int trainRows(int rows) {
        return rows < 0 ? -1 : (int) Math.round(rows * trainFraction);
    }
}
