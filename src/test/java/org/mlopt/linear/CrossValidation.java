package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;
import org.mlopt.testing.ReferenceData;

import java.util.stream.IntStream;

/** Test-side k-fold cross-validation over given fold assignments, as GridSearchCV scores it. */
final class CrossValidation {

    private CrossValidation() {}

    /** Unweighted mean of the per-fold accuracies (GridSearchCV's mean_test_score). */
    static double accuracy(LogisticRegression spec, DMatrixRMaj x, int[] y, int[] fold) {
        int folds = IntStream.of(fold).max().orElse(0) + 1;
        double sum = 0;
        for (int k = 0; k < folds; k++) {
            int kk = k;
            int[] train = IntStream.range(0, y.length).filter(i -> fold[i] != kk).toArray();
            int[] test = IntStream.range(0, y.length).filter(i -> fold[i] == kk).toArray();
            LogisticModel m = spec.fit(ReferenceData.rows(x, train), ReferenceData.select(y, train));
            sum += Metrics.accuracy(ReferenceData.select(y, test), m.predict(ReferenceData.rows(x, test)));
        }
        return sum / folds;
    }
}
