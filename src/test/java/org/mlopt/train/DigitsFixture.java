package org.mlopt.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;

/**
 * The digits bench split (test fixture): examples/data/digits.csv rows selected by train_idx /
 * test_idx of src/test/resources/reference/splits/digits.json, standardized with the training
 * mean and population std (zero-variance columns scaled by 1), as /work/shared/bench W4.
 */
public final class DigitsFixture {

    public final Dataset train;
    public final Dataset test;
    public final double[] mean;
    public final double[] scale;
    public final double[] jsonMean;
    public final double[] jsonScale;

    private DigitsFixture(Dataset train, Dataset test, double[] mean, double[] scale, double[] jsonMean, double[] jsonScale) {
        this.train = train;
        this.test = test;
        this.mean = mean;
        this.scale = scale;
        this.jsonMean = jsonMean;
        this.jsonScale = jsonScale;
    }

    public static DigitsFixture load(Precision precision) throws IOException {
        Path root = findRoot();
        List<String> lines = Files.readAllLines(root.resolve("examples/data/digits.csv"));
        int n = lines.size() - 1;
        int d = lines.get(0).split(",").length - 1;
        double[][] x = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            for (int j = 0; j < d; j++) {
                x[i][j] = Double.parseDouble(f[j]);
            }
            y[i] = Integer.parseInt(f[d].trim());
        }
        String json = Files.readString(root.resolve("src/test/resources/reference/splits/digits.json"));
        int[] trIdx = toInts(array(json, "train_idx"));
        int[] teIdx = toInts(array(json, "test_idx"));
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int i : trIdx) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i][j] / trIdx.length;
            }
        }
        for (int i : trIdx) {
            for (int j = 0; j < d; j++) {
                scale[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]) / trIdx.length;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] == 0.0 ? 1.0 : Math.sqrt(scale[j]);
        }
        return new DigitsFixture(subset(x, y, trIdx, mean, scale, precision), subset(x, y, teIdx, mean, scale, precision),
                mean, scale, array(json, "scaler_mean"), array(json, "scaler_scale"));
    }

    private static Dataset subset(double[][] x, int[] y, int[] idx, double[] mean, double[] scale, Precision p) {
        int d = mean.length;
        Tensor t = Tensor.zeros(p, idx.length, d);
        int[] labels = new int[idx.length];
        for (int r = 0; r < idx.length; r++) {
            for (int j = 0; j < d; j++) {
                t.set(r * d + j, (x[idx[r]][j] - mean[j]) / scale[j]);
            }
            labels[r] = y[idx[r]];
        }
        return Dataset.classification(t, labels);
    }

    private static double[] array(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in digits.json");
        }
        String[] parts = m.group(1).split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i].trim());
        }
        return out;
    }

    private static int[] toInts(double[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (int) a[i];
        }
        return out;
    }

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("examples/data/digits.csv"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("examples/data/digits.csv not found above the working directory");
        }
        return p;
    }
}
