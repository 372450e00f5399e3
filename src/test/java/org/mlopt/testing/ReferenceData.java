package org.mlopt.testing;

import org.ejml.data.DMatrixRMaj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shipped dataset ({@code examples/data/NAME.csv}: header row, last column the target) with the
 * reference split of {@code src/test/resources/reference/splits/NAME.json}: train/test row indices,
 * the training split's StandardScaler statistics and the StratifiedKFold(5) fold of each training
 * position. Class labels are the target strings encoded in sorted order, as the reference scripts do.
 */
public final class ReferenceData {

    private final String name;
    private final double[][] features;
    private final String[] target;
    private final List<String> classes;
    private final int[] trainIdx;
    private final int[] testIdx;
    private final double[] scalerMean;
    private final double[] scalerScale;
    private final int[] cv5Fold;

    private ReferenceData(String name, double[][] features, String[] target, String json) {
        this.name = name;
        this.features = features;
        this.target = target;
        this.classes = new ArrayList<>(new TreeSet<>(List.of(target)));
        this.trainIdx = intArray(json, "train_idx");
        this.testIdx = intArray(json, "test_idx");
        this.scalerMean = doubleArray(json, "scaler_mean");
        this.scalerScale = doubleArray(json, "scaler_scale");
        this.cv5Fold = json.contains("\"cv5_fold_of_train_position\"") ? intArray(json, "cv5_fold_of_train_position")
                : null;
    }

    /** Loads {@code examples/data/NAME.csv} and its split, from the project's base directory. */
    public static ReferenceData load(String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of("examples/data", name + ".csv"), StandardCharsets.UTF_8);
            int n = lines.size() - 1;
            double[][] x = new double[n][];
            String[] y = new String[n];
            for (int i = 0; i < n; i++) {
                String[] cells = lines.get(i + 1).split(",");
                x[i] = new double[cells.length - 1];
                for (int j = 0; j < cells.length - 1; j++) {
                    x[i][j] = Double.parseDouble(cells[j]);
                }
                y[i] = cells[cells.length - 1].trim();
            }
            String json = Files.readString(Path.of("src/test/resources/reference/splits", name + ".json"));
            return new ReferenceData(name, x, y, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public List<String> classes() {
        return classes;
    }

    public int trainSize() {
        return trainIdx.length;
    }

    /** Training rows standardized with the split's scaler. */
    public DMatrixRMaj xTrain() {
        return standardized(trainIdx);
    }

    /** Test rows standardized with the training split's scaler. */
    public DMatrixRMaj xTest() {
        return standardized(testIdx);
    }

    public double[] yTrain() {
        return numeric(trainIdx);
    }

    public double[] yTest() {
        return numeric(testIdx);
    }

    public int[] labelsTrain() {
        return labels(trainIdx);
    }

    public int[] labelsTest() {
        return labels(testIdx);
    }

    /** StratifiedKFold(5) fold (0 … 4) of each training position. */
    public int[] cv5Fold() {
        if (cv5Fold == null) {
            throw new IllegalStateException(name + " has no cv5 folds");
        }
        return cv5Fold.clone();
    }

    /** Rows {@code positions} (indices into a matrix), as a new matrix. */
    public static DMatrixRMaj rows(DMatrixRMaj x, int[] positions) {
        DMatrixRMaj out = new DMatrixRMaj(positions.length, x.numCols);
        for (int i = 0; i < positions.length; i++) {
            System.arraycopy(x.data, positions[i] * x.numCols, out.data, i * x.numCols, x.numCols);
        }
        return out;
    }

    public static int[] select(int[] values, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = values[positions[i]];
        }
        return out;
    }

    private DMatrixRMaj standardized(int[] idx) {
        int p = features[0].length;
        DMatrixRMaj out = new DMatrixRMaj(idx.length, p);
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < p; j++) {
                out.data[i * p + j] = (features[idx[i]][j] - scalerMean[j]) / scalerScale[j];
            }
        }
        return out;
    }

    private double[] numeric(int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = Double.parseDouble(target[idx[i]]);
        }
        return out;
    }

    private int[] labels(int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = classes.indexOf(target[idx[i]]);
        }
        return out;
    }

    private static String arrayText(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("split JSON has no array " + key);
        }
        return m.group(1);
    }

    private static double[] doubleArray(String json, String key) {
        String[] parts = arrayText(json, key).split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i].trim());
        }
        return out;
    }

    private static int[] intArray(String json, String key) {
        double[] d = doubleArray(json, key);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }
}
