package org.mlopt.bench;

import org.ejml.data.DMatrixRMaj;
import org.mlopt.linear.Lasso;
import org.mlopt.linear.LinearModel;
import org.mlopt.linear.LinearRegression;
import org.mlopt.linear.LogisticModel;
import org.mlopt.linear.LogisticRegression;
import org.mlopt.linear.LogisticSolver;
import org.mlopt.linear.Penalty;
import org.mlopt.linear.Ridge;
import org.mlopt.tensor.MatMuls;
import org.mlopt.testing.ReferenceData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Times the linear models on the reference workloads (bench README W1, W2, W3, W9) and, when Debian's
 * python3 has scikit-learn, runs the reference scripts in the same process run and prints ratios.
 * Run from the project directory: {@code java -cp target/classes:target/test-classes:DEPS
 * org.mlopt.bench.LinearHarness [--no-python]}.
 */
public final class LinearHarness {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Path BENCH = Path.of("/work/shared/bench");

    private LinearHarness() {}

    public static void main(String[] args) throws Exception {
        boolean python = !Arrays.asList(args).contains("--no-python") && Files.isExecutable(Path.of(PYTHON))
                && Files.isDirectory(BENCH);
        System.out.println("kernel: " + MatMuls.get().name() + ", java " + System.getProperty("java.version")
                + ", processors " + Runtime.getRuntime().availableProcessors());

        double ridge = ridge();
        double lasso = lasso();
        double grid = gridSearch();
        gradientDescent();

        if (python) {
            Double skRidge = sklearn("w1_ridge.py", "\"sklearn_ridge\": \\{\"median_s\": ([0-9.eE-]+)");
            Double skLasso = sklearn("w2_lasso.py", "\"fit\": \\{\"median_s\": ([0-9.eE-]+)");
            Double skGrid = sklearn("w3_logistic.py", "\"gridsearch_cv5_fit\": \\{\"median_s\": ([0-9.eE-]+)");
            ratio("W1 ridge 200000x100", ridge, skRidge);
            ratio("W2 lasso 20000x200", lasso, skLasso);
            ratio("W3 grid search, 61 fits", grid, skGrid);
        } else {
            System.out.println("(scikit-learn not run; README figures: ridge 0.140 s, lasso 0.034 s, grid 0.156 s)");
        }
    }

    private static double ridge() {
        int n = 200000;
        int p = 100;
        SplittableRandom rng = new SplittableRandom(0);
        DMatrixRMaj x = gaussian(rng, n, p);
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = rng.nextGaussian();
        }
        double[] y = linear(x, w, 0.1, rng);
        LinearModel[] last = new LinearModel[1];
        double t = median(() -> {
            last[0] = Ridge.of(0.5).fit(x, y);
            return null;
        }, 1, 5);
        double err = 0;
        for (int j = 0; j < p; j++) {
            err = Math.max(err, Math.abs(last[0].coef()[j] - w[j]));
        }
        System.out.printf("W1 ridge 200000x100 alpha=0.5: %.4f s (median of 5), max|coef - w_true| %.2e%n", t, err);
        return t;
    }

    private static double lasso() {
        int n = 20000;
        int p = 200;
        SplittableRandom rng = new SplittableRandom(0);
        DMatrixRMaj x = gaussian(rng, n, p);
        double[] w = new double[p];
        for (int j = 0; j < 10; j++) {
            w[j] = 3 * rng.nextGaussian();
        }
        double[] y = linear(x, w, 0.5, rng);
        LinearModel[] last = new LinearModel[1];
        double t = median(() -> {
            last[0] = Lasso.of(0.1).fit(x, y);
            return null;
        }, 1, 5);
        double[] c = last[0].coef();
        int informative = 0;
        for (int j = 0; j < 10; j++) {
            informative += c[j] != 0 ? 1 : 0;
        }
        System.out.printf("W2 lasso 20000x200 alpha=0.1: %.4f s (median of 5), %d nonzeros, %d of 10 informative,"
                + " %d iterations%n", t, last[0].nonzeros(), informative, last[0].nIter());
        return t;
    }

    /** GridSearchCV(C in 1e-3..100 × l1, l2, cv=5) plus the refit of the best: 61 fits, in process. */
    static double gridSearch() {
        return gridSearch(LogisticSolver.AUTO);
    }

    /** As {@link #gridSearch()} with the given solver (the script's {@code solver: liblinear} is LIBLINEAR). */
    static double gridSearch(LogisticSolver solver) {
        ReferenceData d = ReferenceData.load("breast_cancer");
        DMatrixRMaj x = d.xTrain();
        int[] y = d.labelsTrain();
        int[] fold = d.cv5Fold();
        double[] cs = {0.001, 0.01, 0.1, 1, 10, 100};
        Penalty[] penalties = {Penalty.L1, Penalty.L2};
        List<DMatrixRMaj> trainX = new ArrayList<>();
        List<int[]> trainY = new ArrayList<>();
        List<DMatrixRMaj> testX = new ArrayList<>();
        List<int[]> testY = new ArrayList<>();
        String[] best = new String[1];
        double t = median(() -> {
            trainX.clear();
            trainY.clear();
            testX.clear();
            testY.clear();
            for (int k = 0; k < 5; k++) {
                int kk = k;
                int[] tr = IntStream.range(0, y.length).filter(i -> fold[i] != kk).toArray();
                int[] te = IntStream.range(0, y.length).filter(i -> fold[i] == kk).toArray();
                trainX.add(ReferenceData.rows(x, tr));
                trainY.add(ReferenceData.select(y, tr));
                testX.add(ReferenceData.rows(x, te));
                testY.add(ReferenceData.select(y, te));
            }
            double bestScore = -1;
            LogisticRegression bestSpec = null;
            for (double c : cs) {
                for (Penalty pen : penalties) {
                    LogisticRegression spec = new LogisticRegression(c, pen, 0.5, solver, 1e-10, 1000);
                    double score = 0;
                    for (int k = 0; k < 5; k++) {
                        LogisticModel m = spec.fit(trainX.get(k), trainY.get(k));
                        score += accuracy(testY.get(k), m.predict(testX.get(k)));
                    }
                    score /= 5;
                    if (score > bestScore) {
                        bestScore = score;
                        bestSpec = spec;
                    }
                }
            }
            LogisticModel refit = bestSpec.fit(x, y);
            best[0] = String.format("best C=%s %s, CV %.6f, test accuracy %.6f", bestSpec.c(), bestSpec.penalty(),
                    bestScore, accuracy(d.labelsTest(), refit.predict(d.xTest())));
            return null;
        }, 1, 3);
        System.out.printf("W3 grid search, 61 fits, solver %s: %.4f s (median of 3), %s%n", solver, t, best[0]);
        return t;
    }

    private static void gradientDescent() {
        int n = 10000;
        int p = 20;
        SplittableRandom rng = new SplittableRandom(0);
        DMatrixRMaj x = gaussian(rng, n, p);
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = rng.nextGaussian();
        }
        double[] y = linear(x, w, 0.1, rng);
        LinearModel exact = new LinearRegression(LinearRegression.Solver.QR, 0, 0, 0, 0, false).fit(x, y);
        System.out.printf("W9 OLS optimum MSE %.6f%n", mse(exact, x, y));
        Object[][] modes = {
            {"batch GD, 1000 iterations", LinearRegression.Solver.BATCH_GD, 1000, 0},
            {"mini-batch 64, 20 epochs", LinearRegression.Solver.MINI_BATCH_GD, 20, 64},
            {"SGD, 2 epochs", LinearRegression.Solver.STOCHASTIC_GD, 2, 1}};
        for (Object[] mode : modes) {
            LinearRegression spec = new LinearRegression((LinearRegression.Solver) mode[1], 0.01, (Integer) mode[2],
                    (Integer) mode[3], 1, false);
            LinearModel[] last = new LinearModel[1];
            double t = median(() -> {
                last[0] = spec.fit(x, y);
                return null;
            }, 1, 5);
            System.out.printf("W9 %s: %.4f s (median of 5), MSE %.6f%n", mode[0], t, mse(last[0], x, y));
        }
    }

    private static Double sklearn(String script, String pattern) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(PYTHON, BENCH.resolve(script).toString(), "--threads", "1",
                "--part", "speed");
        pb.redirectErrorStream(true);
        Process proc = pb.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        proc.waitFor();
        Matcher m = Pattern.compile(pattern).matcher(out);
        if (!m.find()) {
            System.out.println(script + ": no timing in its output (exit " + proc.exitValue() + ")");
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        System.out.printf("scikit-learn %s (1 thread): %.4f s%n", script, v);
        return v;
    }

    private static void ratio(String what, double mine, Double theirs) {
        if (theirs != null) {
            System.out.printf("%s: mlopt %.4f s / scikit-learn %.4f s = %.2fx%n", what, mine, theirs, mine / theirs);
        }
    }

    /**
     * Median wall time of {@code repeats} runs after {@code warmups}; also prints the median CPU time
     * of this thread, which a busy machine inflates less than wall time.
     */
    private static double median(Supplier<Void> body, int warmups, int repeats) {
        for (int i = 0; i < warmups; i++) {
            body.get();
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double[] t = new double[repeats];
        double[] cpu = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long c0 = bean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            body.get();
            t[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (bean.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        Arrays.sort(t);
        Arrays.sort(cpu);
        System.out.printf("  (median thread CPU time %.4f s, load average %.1f)%n", cpu[repeats / 2],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return t[repeats / 2];
    }

    static DMatrixRMaj gaussian(SplittableRandom rng, int n, int p) {
        DMatrixRMaj x = new DMatrixRMaj(n, p);
        for (int i = 0; i < n * p; i++) {
            x.data[i] = rng.nextGaussian();
        }
        return x;
    }

    static double[] linear(DMatrixRMaj x, double[] w, double noise, SplittableRandom rng) {
        int n = x.numRows;
        int p = x.numCols;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = noise * rng.nextGaussian();
            for (int j = 0; j < p; j++) {
                s += x.data[i * p + j] * w[j];
            }
            y[i] = s;
        }
        return y;
    }

    private static double mse(LinearModel m, DMatrixRMaj x, double[] y) {
        double[] pr = m.predict(x);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (pr[i] - y[i]) * (pr[i] - y[i]);
        }
        return s / y.length;
    }

    private static double accuracy(int[] y, int[] pred) {
        int ok = 0;
        for (int i = 0; i < y.length; i++) {
            ok += y[i] == pred[i] ? 1 : 0;
        }
        return (double) ok / y.length;
    }
}
