package org.mlopt.schema;

import java.util.List;

import static org.mlopt.schema.Component.of;
import static org.mlopt.schema.Param.of;

/** Data sources ({@code data NAME = ...}) and preprocessing steps ({@code preprocess ... fit PART}). */
final class DataCatalog {

    private DataCatalog() {}

    static List<Component> all() {
        return List.of(
                csv(), syntheticRegression(), syntheticClassification(), blobs(), moons(),
                standardize(), minMax(), scale(), oneHot(), impute());
    }

    private static Param.Builder samples() {
        return of("samples", Type.integer()).defaultValue(1000).range(Range.atLeast(1));
    }

    private static Param seed() {
        return of("seed", Type.integer()).range(Range.nonNegative())
                .doc("Random seed; when omitted it derives from the run's seed (mlopt run --seed).");
    }

    private static Component csv() {
        return of(Kind.DATA_SOURCE, "csv",
                "A CSV file with a header row; every column but the target is a numeric feature.")
                .param(of("path", Type.string()).required().positional()
                        .doc("File to read; a relative path resolves against the script's folder."))
                .param(of("target", Type.string())
                        .doc("Name of the target column; when omitted, the last column."))
                .param(of("task", Type.choice("auto", "classification", "regression")).defaultValue("auto")
                        .doc("auto: a non-numeric target, or whole numbers with at most 20 distinct values, is classification; otherwise regression."))
                .build();
    }

    private static Component syntheticRegression() {
        return of(Kind.DATA_SOURCE, "synthetic_regression",
                "Random regression data: Gaussian features and a linear target plus Gaussian noise (like scikit-learn's make_regression).")
                .param(samples().doc("Number of rows."))
                .param(of("features", Type.integer()).defaultValue(20).range(Range.atLeast(1)).doc("Number of feature columns."))
                .param(of("noise", Type.number()).defaultValue(0.1).range(Range.nonNegative())
                        .doc("Standard deviation of the Gaussian noise added to the target."))
                .param(of("informative", Type.integer()).defaultValue(10).range(Range.atLeast(1))
                        .doc("How many features the target depends on (at most `features`)."))
                .param(seed())
                .tasks(Task.REGRESSION)
                .build();
    }

    private static Component syntheticClassification() {
        return of(Kind.DATA_SOURCE, "synthetic_classification",
                "Random classification data: Gaussian clusters around hypercube vertices (like scikit-learn's make_classification).")
                .param(samples().doc("Number of rows."))
                .param(of("features", Type.integer()).defaultValue(20).range(Range.atLeast(1)).doc("Number of feature columns."))
                .param(of("classes", Type.integer()).defaultValue(2).range(Range.atLeast(2)).doc("Number of classes."))
                .param(of("informative", Type.integer()).defaultValue(2).range(Range.atLeast(1))
                        .doc("How many features carry the class signal (at most `features`)."))
                .param(seed())
                .tasks(Task.BINARY, Task.MULTICLASS)
                .build();
    }

    private static Component blobs() {
        return of(Kind.DATA_SOURCE, "blobs",
                "Isotropic Gaussian blobs, one class per centre (like scikit-learn's make_blobs).")
                .param(samples().doc("Number of rows, shared evenly between the centres."))
                .param(of("features", Type.integer()).defaultValue(2).range(Range.atLeast(1)).doc("Number of feature columns."))
                .param(of("centers", Type.integer()).defaultValue(3).range(Range.atLeast(2)).doc("Number of blobs, which is the number of classes."))
                .param(of("spread", Type.number()).defaultValue(1.0).range(Range.positive())
                        .doc("Standard deviation of each blob (scikit-learn's cluster_std)."))
                .param(seed())
                .tasks(Task.BINARY, Task.MULTICLASS)
                .build();
    }

    private static Component moons() {
        return of(Kind.DATA_SOURCE, "moons",
                "Two interleaving half circles in two features, a binary task (like scikit-learn's make_moons).")
                .param(samples().doc("Number of rows, half of them in each moon."))
                .param(of("noise", Type.number()).defaultValue(0.1).range(Range.nonNegative())
                        .doc("Standard deviation of the Gaussian noise added to the points."))
                .param(seed())
                .tasks(Task.BINARY)
                .build();
    }

    private static Component standardize() {
        return of(Kind.PREPROCESSOR, "standardize",
                "Subtracts each feature's mean and divides by its population standard deviation (ddof 0), as scikit-learn's StandardScaler; a constant column keeps scale 1.")
                .build();
    }

    private static Component minMax() {
        return of(Kind.PREPROCESSOR, "min_max",
                "Maps each feature linearly so the fitted minimum becomes `low` and the maximum `high`, as scikit-learn's MinMaxScaler.")
                .param(of("low", Type.number()).defaultValue(0.0).doc("Value the fitted minimum maps to."))
                .param(of("high", Type.number()).defaultValue(1.0).doc("Value the fitted maximum maps to; must exceed `low`."))
                .build();
    }

    private static Component scale() {
        return of(Kind.PREPROCESSOR, "scale",
                "Divides every feature by a fixed number (for example pixel values 0..16 by 16); nothing is fitted.")
                .param(of("by", Type.number()).required().positional().range(Range.positive()).doc("The divisor."))
                .build();
    }

    private static Component oneHot() {
        return of(Kind.PREPROCESSOR, "one_hot",
                "Replaces each listed column by one 0/1 column per category seen when fitting; unseen categories become all zeros.")
                .param(of("columns", Type.listOf(Type.string())).required().positional()
                        .doc("Names of the categorical feature columns to encode."))
                .build();
    }

    private static Component impute() {
        return of(Kind.PREPROCESSOR, "impute",
                "Fills missing feature values (empty cells, NA, NaN) with a statistic of the fitted part, as scikit-learn's SimpleImputer.")
                .param(of("strategy", Type.choice("mean", "median", "most_frequent", "constant")).defaultValue("mean")
                        .doc("Statistic used per column; constant fills with `value`."))
                .param(of("value", Type.number()).doc("Fill value for strategy constant (required there, not allowed otherwise)."))
                .build();
    }
}
