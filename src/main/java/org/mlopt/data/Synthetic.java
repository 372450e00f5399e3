package org.mlopt.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Seeded synthetic datasets. {@link #regression}, {@link #blobs} and {@link #moons} draw from
 * {@link NumpyRandomState} in the same order as scikit-learn 1.2's {@code make_regression},
 * {@code make_blobs} and {@code make_moons} (with their defaults: bias 0, shuffle on, center box
 * (-10, 10)), so the same seed gives the same data up to floating-point rounding in the last
 * bits. {@link #classification} is a simplified {@code make_classification}, see there.
 * Features are named {@code x0, x1, ...}; the target is {@code y}.
 */
public final class Synthetic {

    private Synthetic() {}

    /** A regression dataset and the true coefficients that generated it. */
    public record RegressionData(Dataset data, double[] coefficients) {}

    /**
     * {@code make_regression(samples, features, n_informative=informative, noise=noise,
     * random_state=seed, coef=True)}: standard normal X, the first {@code informative}
     * coefficients uniform in [0, 100) (then features shuffled), the others 0,
     * {@code y = X·coef + N(0, noise²)}.
     */
    public static RegressionData regression(int samples, int features, int informative, double noise, long seed) {
        require(samples >= 1 && features >= 1, "samples and features must be at least 1");
        require(informative >= 0 && informative <= features, "informative must be in [0, features]");
        require(noise >= 0, "noise must be >= 0");
        NumpyRandomState rng = new NumpyRandomState(seed);
        double[] x = new double[samples * features];
        for (int i = 0; i < x.length; i++) x[i] = rng.standardNormal();
        double[] coef = new double[features];
        for (int j = 0; j < informative; j++) coef[j] = 100 * rng.randomSample();
        double[] y = new double[samples];
        for (int i = 0; i < samples; i++) {
            double s = 0;
            for (int j = 0; j < informative; j++) s += x[i * features + j] * coef[j];
            y[i] = s;
        }
        if (noise > 0) for (int i = 0; i < samples; i++) y[i] += noise * rng.standardNormal();
        int[] rows = rng.permutation(samples);
        int[] cols = rng.permutation(features);
        DMatrixRMaj m = new DMatrixRMaj(samples, features);
        double[] ys = new double[samples];
        for (int i = 0; i < samples; i++) {
            ys[i] = y[rows[i]];
            for (int j = 0; j < features; j++) m.data[i * features + j] = x[rows[i] * features + cols[j]];
        }
        double[] c = new double[features];
        for (int j = 0; j < features; j++) c[j] = coef[cols[j]];
        return new RegressionData(Dataset.regression("synthetic_regression", names(features), m, Map.of(), "y", ys), c);
    }

    /**
     * {@code make_blobs(samples, features, centers=centers, cluster_std=spread, random_state=seed)}:
     * centers uniform in [-10, 10)^features, the first {@code samples % centers} blobs one sample
     * larger, isotropic normal noise, rows shuffled.
     */
    public static Dataset blobs(int samples, int features, int centers, double spread, long seed) {
        require(samples >= centers && centers >= 2, "blobs needs at least 2 centers and a sample per center");
        require(features >= 1 && spread >= 0, "features must be >= 1 and spread >= 0");
        NumpyRandomState rng = new NumpyRandomState(seed);
        double[] c = new double[centers * features];
        for (int i = 0; i < c.length; i++) c[i] = rng.uniform(-10, 10);
        double[] x = new double[samples * features];
        int[] y = new int[samples];
        int row = 0;
        for (int k = 0; k < centers; k++) {
            int n = samples / centers + (k < samples % centers ? 1 : 0);
            for (int i = 0; i < n; i++, row++) {
                y[row] = k;
                for (int j = 0; j < features; j++) x[row * features + j] = c[k * features + j] + spread * rng.standardNormal();
            }
        }
        return shuffled("blobs", x, y, features, centers, rng);
    }

    /**
     * {@code make_moons(samples, noise=noise, random_state=seed)}: two interleaving half circles
     * ({@code samples/2} in the outer, class 0), rows shuffled, then N(0, noise²) added to
     * each coordinate.
     */
    public static Dataset moons(int samples, double noise, long seed) {
        require(samples >= 4, "moons needs at least 4 samples");
        require(noise >= 0, "noise must be >= 0");
        NumpyRandomState rng = new NumpyRandomState(seed);
        int out = samples / 2, in = samples - out;
        double[] x = new double[samples * 2];
        int[] y = new int[samples];
        for (int i = 0; i < out; i++) {
            double t = linspace(Math.PI, out, i);
            x[2 * i] = Math.cos(t);
            x[2 * i + 1] = Math.sin(t);
        }
        for (int i = 0; i < in; i++) {
            double t = linspace(Math.PI, in, i);
            int r = out + i;
            x[2 * r] = 1 - Math.cos(t);
            x[2 * r + 1] = 1 - Math.sin(t) - 0.5;
            y[r] = 1;
        }
        Dataset d = shuffled("moons", x, y, 2, 2, rng);
        if (noise > 0) {
            DMatrixRMaj m = d.featuresCopy();
            for (int i = 0; i < m.data.length; i++) m.data[i] += noise * rng.standardNormal();
            d = d.withFeatures(d.featureNames(), m, Map.of());
        }
        return d;
    }

    /**
     * A simplified {@code make_classification}: each class is a standard normal cloud around
     * its own vertex of the hypercube {±sep}^informative (vertices drawn without replacement),
     * the other {@code features - informative} columns are pure N(0, 1) noise, classes are
     * balanced (the first {@code samples % classes} one larger), rows shuffled. No redundant
     * or repeated features, no label flipping; not numerically identical to scikit-learn.
     */
    public static Dataset classification(int samples, int features, int informative, int classes, double sep, long seed) {
        require(classes >= 2 && samples >= classes, "classification needs at least 2 classes and a sample per class");
        require(informative >= 1 && informative <= features, "informative must be in [1, features]");
        require(informative >= 31 || (1L << informative) >= classes, "2^informative must be at least the number of classes");
        NumpyRandomState rng = new NumpyRandomState(seed);
        long vertices = informative >= 31 ? Integer.MAX_VALUE : 1L << informative;
        List<Long> chosen = new ArrayList<>();
        while (chosen.size() < classes) {
            long v = rng.randint(0, vertices);
            if (!chosen.contains(v)) chosen.add(v);
        }
        double[] x = new double[samples * features];
        int[] y = new int[samples];
        int row = 0;
        for (int k = 0; k < classes; k++) {
            int n = samples / classes + (k < samples % classes ? 1 : 0);
            long vertex = chosen.get(k);
            for (int i = 0; i < n; i++, row++) {
                y[row] = k;
                for (int j = 0; j < features; j++) {
                    double centre = j < informative ? (((vertex >>> (j % 63)) & 1) == 1 ? sep : -sep) : 0;
                    x[row * features + j] = centre + rng.standardNormal();
                }
            }
        }
        return shuffled("synthetic_classification", x, y, features, classes, rng);
    }

    private static Dataset shuffled(String source, double[] x, int[] y, int features, int classes, NumpyRandomState rng) {
        int n = y.length;
        int[] perm = rng.permutation(n);
        DMatrixRMaj m = new DMatrixRMaj(n, features);
        int[] ys = new int[n];
        for (int i = 0; i < n; i++) {
            ys[i] = y[perm[i]];
            System.arraycopy(x, perm[i] * features, m.data, i * features, features);
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) names.add(Integer.toString(k));
        return Dataset.classification(source, names(features), m, Map.of(), "y", ys, names);
    }

    /** numpy's {@code linspace(0, stop, num)[i]} (endpoint included exactly). */
    private static double linspace(double stop, int num, int i) {
        if (num == 1) return 0;
        if (i == num - 1) return stop;
        return i * (stop / (num - 1));
    }

    private static List<String> names(int d) {
        List<String> n = new ArrayList<>();
        for (int j = 0; j < d; j++) n.add("x" + j);
        return n;
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
