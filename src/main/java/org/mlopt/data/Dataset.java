package org.mlopt.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.mlopt.schema.Task;

/**
 * A table of examples: numeric features (n×d, float64), optional categorical feature columns
 * kept as strings (for {@code one_hot}), and a target that is either numeric (regression) or
 * class indices into sorted class names (classification).
 *
 * <p>Immutable by contract: the matrix returned by {@link #features()} is the dataset's own and
 * must not be written to (copy it with {@link #featuresCopy()}); every transformation returns a
 * new dataset.
 */
public final class Dataset {
    private final String source;
    private final List<String> featureNames;
    private final DMatrixRMaj features;
    private final Map<String, String[]> categorical;
    private final String targetName;
    private final Task task;
    private final double[] target;
    private final int[] labels;
    private final List<String> classes;

    private Dataset(String source, List<String> featureNames, DMatrixRMaj features, Map<String, String[]> categorical,
                    String targetName, Task task, double[] target, int[] labels, List<String> classes) {
        if (features.numCols != featureNames.size())
            throw new IllegalArgumentException(featureNames.size() + " feature names for " + features.numCols + " columns");
        int n = features.numRows;
        if (task == Task.REGRESSION ? target.length != n : labels.length != n)
            throw new IllegalArgumentException("target length differs from the row count " + n);
        for (Map.Entry<String, String[]> e : categorical.entrySet())
            if (e.getValue().length != n) throw new IllegalArgumentException("categorical column " + e.getKey() + " has the wrong length");
        this.source = source;
        this.featureNames = List.copyOf(featureNames);
        this.features = features;
        this.categorical = Collections.unmodifiableMap(new LinkedHashMap<>(categorical));
        this.targetName = targetName;
        this.task = task;
        this.target = target;
        this.labels = labels;
        this.classes = classes == null ? null : List.copyOf(classes);
    }

    /** A regression dataset. */
    public static Dataset regression(String source, List<String> featureNames, DMatrixRMaj features,
                                     Map<String, String[]> categorical, String targetName, double[] target) {
        return new Dataset(source, featureNames, features, categorical, targetName, Task.REGRESSION, target, null, null);
    }

    /** A classification dataset; the task is BINARY for two classes, MULTICLASS for more. */
    public static Dataset classification(String source, List<String> featureNames, DMatrixRMaj features,
                                         Map<String, String[]> categorical, String targetName, int[] labels, List<String> classes) {
        if (classes.size() < 2) throw new DataException(null, source, 0, 0, null, "the target '" + targetName + "' has only one class; classification needs at least 2");
        for (int y : labels)
            if (y < 0 || y >= classes.size()) throw new IllegalArgumentException("label " + y + " outside 0.." + (classes.size() - 1));
        Task task = classes.size() == 2 ? Task.BINARY : Task.MULTICLASS;
        return new Dataset(source, featureNames, features, categorical, targetName, task, null, labels, classes);
    }

    /** Where the data came from (a file name or a generator), for messages. */
    public String source() {
        return source;
    }

    public int numRows() {
        return features.numRows;
    }

    public int numFeatures() {
        return features.numCols;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** The n×d feature matrix; do not modify. */
    public DMatrixRMaj features() {
        return features;
    }

    public DMatrixRMaj featuresCopy() {
        return features.copy();
    }

    /** A float32 copy of the features, for networks. */
    public FMatrixRMaj toFloat() {
        FMatrixRMaj f = new FMatrixRMaj(features.numRows, features.numCols);
        double[] src = features.data;
        float[] dst = f.data;
        for (int i = 0; i < features.getNumElements(); i++) dst[i] = (float) src[i];
        return f;
    }

    /** Non-numeric feature columns kept as strings (null = missing), by name, in file order. */
    public Map<String, String[]> categorical() {
        return categorical;
    }

    public String targetName() {
        return targetName;
    }

    public Task task() {
        return task;
    }

    /** The numeric target (regression only); do not modify. */
    public double[] target() {
        if (task != Task.REGRESSION) throw new IllegalStateException("a classification dataset has labels, not a numeric target");
        return target;
    }

    /** Class indices into {@link #classes()} (classification only); do not modify. */
    public int[] labels() {
        if (task == Task.REGRESSION) throw new IllegalStateException("a regression dataset has no class labels");
        return labels;
    }

    /** Sorted class names (classification only). */
    public List<String> classes() {
        if (task == Task.REGRESSION) throw new IllegalStateException("a regression dataset has no classes");
        return classes;
    }

    public int numClasses() {
        return classes == null ? 0 : classes.size();
    }

    /** The rows {@code rows} (in that order) as a new dataset with the same classes. */
    public Dataset rows(int[] rows) {
        int d = features.numCols;
        DMatrixRMaj x = new DMatrixRMaj(rows.length, d);
        for (int i = 0; i < rows.length; i++) System.arraycopy(features.data, rows[i] * d, x.data, i * d, d);
        Map<String, String[]> cat = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : categorical.entrySet()) {
            String[] v = new String[rows.length];
            for (int i = 0; i < rows.length; i++) v[i] = e.getValue()[rows[i]];
            cat.put(e.getKey(), v);
        }
        if (task == Task.REGRESSION) {
            double[] t = new double[rows.length];
            for (int i = 0; i < rows.length; i++) t[i] = target[rows[i]];
            return new Dataset(source, featureNames, x, cat, targetName, task, t, null, null);
        }
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) y[i] = labels[rows[i]];
        return new Dataset(source, featureNames, x, cat, targetName, task, null, y, classes);
    }

    /** The same target with other features (what preprocessing returns). */
    public Dataset withFeatures(List<String> names, DMatrixRMaj x, Map<String, String[]> categoricalColumns) {
        if (x.numRows != numRows()) throw new IllegalArgumentException("row count changed: " + x.numRows + " vs " + numRows());
        return new Dataset(source, new ArrayList<>(names), x, categoricalColumns, targetName, task, target, labels, classes);
    }
}
