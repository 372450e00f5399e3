package org.mlopt.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;
import org.mlopt.autodiff.Precision;
import org.mlopt.check.CheckResult;
import org.mlopt.check.Checker;
import org.mlopt.diag.SourceText;
import org.mlopt.exec.Executor;
import org.mlopt.exec.RunListener;
import org.mlopt.exec.RunOptions;
import org.mlopt.exec.RunResult;
import org.mlopt.exec.StepResult;
import org.mlopt.linear.Lasso;
import org.mlopt.linear.LinearModel;
import org.mlopt.linear.Ridge;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;
import org.mlopt.plan.ExecutionGraph;
import org.mlopt.plan.Planner;
import org.mlopt.plan.Step;
import org.mlopt.tensor.MatMuls;
import org.mlopt.train.Dataset;
import org.mlopt.train.DigitsFixture;

/**
 * mlopt against scikit-learn, PyTorch and OpenBLAS in one run, one table of ratios. Each target
 * interleaves repetitions (mlopt, reference, mlopt, reference, ...) with the reference running in
 * a {@link PythonReference} child (or numpy in {@link MatMulHarness}), so load from other processes
 * falls on both alike; medians and ratios come from the same run.
 *
 * <p>Run from the project directory: {@code java --add-modules=jdk.incubator.vector -cp
 * target/classes:target/test-classes:$(cat /tmp/bench-cp.txt) org.mlopt.bench.SideBySide [--reps N]
 * [TARGET ...]} with targets {@code matmul w4 w5 ridge lasso grid random strategies checker alloc}
 * (default: all). docs/performance.md records a run.
 */
public final class SideBySide {

    private static final List<String> ALL = List.of("matmul", "w4", "w5", "ridge", "lasso", "grid", "random",
            "strategies", "checker", "alloc");

    /** One line of the final table. */
    private record Row(String target, String mlopt, String reference, String ratio, String goal, String note) {}

    private final List<Row> rows = new ArrayList<>();
    private final int reps;

    private SideBySide(int reps) {
        this.reps = reps;
    }

    public static void main(String[] args) throws Exception {
        int reps = 5;
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--reps")) {
                reps = Integer.parseInt(args[++i]);
            } else if (ALL.contains(args[i])) {
                targets.add(args[i]);
            } else {
                throw new IllegalArgumentException("unknown target " + args[i] + "; targets: " + ALL);
            }
        }
        if (targets.isEmpty()) targets.addAll(ALL);
        if (!PythonReference.available()) throw new IllegalStateException("needs /usr/bin/python3 and /work/shared/bench");
        SideBySide run = new SideBySide(reps);
        System.out.println("# " + MatMuls.describe() + "; java " + System.getProperty("java.version") + "; "
                + Runtime.getRuntime().availableProcessors() + " cpus; " + reps + " interleaved repetitions");
        System.out.println("# load at start: " + uptime());
        for (String t : targets) {
            System.out.println("\n## " + t + "   (load: " + uptime() + ")");
            switch (t) {
                case "matmul" -> run.matmul();
                case "w4" -> run.w4();
                case "w5" -> run.w5();
                case "ridge" -> run.ridge();
                case "lasso" -> run.lasso();
                case "grid" -> run.grid();
                case "random" -> run.random();
                case "strategies" -> run.strategies();
                case "checker" -> run.checker();
                case "alloc" -> run.alloc();
                default -> throw new IllegalStateException(t);
            }
        }
        System.out.println("\n# load at end: " + uptime());
        System.out.println("\n| target | mlopt | reference | ratio | goal | note |");
        System.out.println("|---|---|---|---|---|---|");
        for (Row r : run.rows) {
            System.out.printf("| %s | %s | %s | %s | %s | %s |%n", r.target(), r.mlopt(), r.reference(), r.ratio(), r.goal(), r.note());
        }
    }

    // ---- matrix products ------------------------------------------------------------------

    private void matmul() throws Exception {
        MatMulHarness.PAIRED_RATIOS.clear();
        MatMulHarness.main(new String[] {"--reps", Integer.toString(Math.max(3, reps)), "--cpu-time"});
        for (String dtype : new String[] {"f32", "f64"}) {
            double[] r = MatMulHarness.PAIRED_RATIOS.entrySet().stream().filter(e -> e.getKey().startsWith(dtype + " "))
                    .filter(e -> !e.getKey().contains("ridge")).mapToDouble(Map.Entry::getValue).sorted().toArray();
            long below = Arrays.stream(r).filter(v -> v < 0.8).count();
            String worst = MatMulHarness.PAIRED_RATIOS.entrySet().stream().filter(e -> e.getKey().startsWith(dtype + " "))
                    .min(Map.Entry.comparingByValue()).map(e -> e.getKey() + " " + fmt(e.getValue())).orElse("");
            rows.add(new Row("matmul " + dtype + " (" + r.length + " network products, CPU time)", "", "OpenBLAS 1T",
                    "min " + fmt(r[0]) + ", median " + fmt(median(r)), "≥ 0.80 each",
                    below + " below 0.80; worst " + worst));
        }
    }

    // ---- networks -------------------------------------------------------------------------

    private void w4() throws Exception {
        DigitsFixture data = DigitsFixture.load(Precision.FLOAT32);
        int n = data.train.size();
        try (PythonReference py = PythonReference.start(1, 0)) {
            DigitsTrainingHarness.train(data.train, 99, 64, 128, 64, 10, 2, 32);
            py.seconds("w4 99 2");
            double[] mine = new double[reps];
            double[] ref = new double[reps];
            double[] paired = new double[reps];
            String[] reply = new String[1];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                var net = DigitsTrainingHarness.train(data.train, r, 64, 128, 64, 10, 50, 32);
                double secs = (System.nanoTime() - t0) / 1e9;
                mine[r] = n * 50 / secs;
                ref[r] = n * 50 / py.seconds("w4 " + r + " 50", reply);
                paired[r] = mine[r] / ref[r];
                System.out.printf(Locale.ROOT, "  seed %d: mlopt %.3f s (%,.0f samples/s, test acc %.4f) | torch %,.0f samples/s %s%n",
                        r, secs, mine[r], DigitsTrainingHarness.accuracy(net, data.test), ref[r], reply[0]);
            }
            rows.add(new Row("W4 digits 64-128-64-10, Adam, b32, 50 ep (samples/s)", String.format(Locale.ROOT, "%,.0f", median(mine)),
                    String.format(Locale.ROOT, "%,.0f (torch 1T)", median(ref)), fmt(median(mine) / median(ref)) + "x",
                    "≥ 2x", "median of paired ratios " + fmt(median(paired))));
        }
    }

    private void w5() throws Exception {
        Dataset data = DigitsTrainingHarness.synthetic();
        Dataset warm = data.select(java.util.stream.IntStream.range(0, 128 * 30).toArray(), Precision.FLOAT32);
        int w5reps = Math.max(3, reps);
        for (int threads : new int[] {1, 2}) {
            MatMuls.setThreads(threads);
            try (PythonReference py = threads == 1 ? PythonReference.start(1, 0) : PythonReference.start(2, 2)) {
                DigitsTrainingHarness.train(warm, 0, 784, 256, 256, 10, 1, 128);
                py.seconds("w5 128 30");
                double[] mine = new double[w5reps];
                double[] ref = new double[w5reps];
                double[] paired = new double[w5reps];
                for (int r = 0; r < w5reps; r++) {
                    long t0 = System.nanoTime();
                    DigitsTrainingHarness.train(data, 0, 784, 256, 256, 10, 2, 128);
                    mine[r] = 120000 / ((System.nanoTime() - t0) / 1e9);
                    ref[r] = 120000 / py.seconds("w5 128 0");
                    paired[r] = mine[r] / ref[r];
                    System.out.printf(Locale.ROOT, "  %d thread(s) run %d: mlopt %,.0f samples/s | torch %,.0f samples/s%n",
                            threads, r, mine[r], ref[r]);
                }
                rows.add(new Row("W5 784-256-256-10, Adam, b128, 2 ep (samples/s), " + threads + " core" + (threads > 1 ? "s" : ""),
                        String.format(Locale.ROOT, "%,.0f", median(mine)),
                        String.format(Locale.ROOT, "%,.0f (torch %s)", median(ref), threads == 1 ? "1T" : "1T + OpenBLAS 2T"),
                        fmt(median(mine) / median(ref)) + "x", "≥ 1x",
                        "MatMuls threads " + threads + "; median of paired ratios " + fmt(median(paired))));
            } finally {
                MatMuls.setThreads(1);
            }
        }
    }

    // ---- linear models --------------------------------------------------------------------

    private void ridge() throws Exception {
        SplittableRandom rng = new SplittableRandom(0);
        DMatrixRMaj x = LinearHarness.gaussian(rng, 200000, 100);
        double[] w = new double[100];
        for (int j = 0; j < 100; j++) w[j] = rng.nextGaussian();
        double[] y = LinearHarness.linear(x, w, 0.1, rng);
        fitTarget("W1 ridge 200000×100 (s)", "ridge", 0.140, x, y, Ridge.of(0.5)::fit);
    }

    private void lasso() throws Exception {
        SplittableRandom rng = new SplittableRandom(0);
        DMatrixRMaj x = LinearHarness.gaussian(rng, 20000, 200);
        double[] w = new double[200];
        for (int j = 0; j < 10; j++) w[j] = 3 * rng.nextGaussian();
        double[] y = LinearHarness.linear(x, w, 0.5, rng);
        fitTarget("W2 lasso 20000×200, 10 informative (s)", "lasso", 0.034, x, y, Lasso.of(0.1)::fit);
    }

    private interface Fit {
        LinearModel fit(DMatrixRMaj x, double[] y);
    }

    private void fitTarget(String label, String command, double readme, DMatrixRMaj x, double[] y, Fit fit) throws Exception {
        int n = Math.max(reps, 7);
        try (PythonReference py = PythonReference.start(1, 0)) {
            fit.fit(x, y);
            py.seconds(command);
            double[] mine = new double[n];
            double[] ref = new double[n];
            LinearModel last = null;
            String[] reply = new String[1];
            for (int r = 0; r < n; r++) {
                long t0 = System.nanoTime();
                last = fit.fit(x, y);
                mine[r] = (System.nanoTime() - t0) / 1e9;
                ref[r] = py.seconds(command, reply);
            }
            System.out.printf(Locale.ROOT, "  mlopt %s | scikit-learn %s | mlopt nonzeros %d, iterations %d | last reply %s%n",
                    Arrays.toString(round(mine)), Arrays.toString(round(ref)), last.nonzeros(), last.nIter(), reply[0]);
            rows.add(new Row(label, fmt3(median(mine)), fmt3(median(ref)) + " (sklearn 1T; README " + readme + ")",
                    fmt(median(mine) / median(ref)) + "x time", "≤ 1x time", n + " pairs"));
        }
    }

    // ---- searches through the runtime -----------------------------------------------------

    /** What one in-process run of a script gave: the search step's wall time and result, and the whole run's. */
    private record ScriptRun(double searchSeconds, double totalSeconds, StepResult search) {}

    /**
     * Parses, checks, plans and executes {@code text} as {@code mlopt run} does, timing the search
     * group (all trials on all folds plus the refit: from the start of the group's first step to its result).
     */
    private static ScriptRun runScript(Path script, String text) {
        long t0 = System.nanoTime();
        ParseResult parsed = ScriptParser.parse(new SourceText(script.toString(), text));
        if (!parsed.ok()) throw new IllegalStateException("parse errors in " + script);
        CheckResult checked = Checker.check(parsed, script.toAbsolutePath().getParent());
        if (!checked.ok()) throw new IllegalStateException("check errors in " + script + ": " + checked.diagnostics().all());
        ExecutionGraph graph = Planner.plan(checked.program(), 0);
        long[] searchNanos = new long[2];
        RunListener timing = new RunListener() {
            @Override
            public void stepStarted(Step step) {
                if (step.group() != null && searchNanos[0] == 0) searchNanos[0] = System.nanoTime();
            }

            @Override
            public void stepFinished(Step step, StepResult result) {
                if (result.kind().equals("search")) searchNanos[1] = System.nanoTime();
            }
        };
        RunResult result = Executor.run(checked.program(), graph, new RunOptions(0, 1, List.of(), null), timing, r -> {});
        double total = (System.nanoTime() - t0) / 1e9;
        StepResult search = result.steps().stream().filter(s -> s.kind().equals("search")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no search result; not executed: " + result.notExecuted()));
        return new ScriptRun((searchNanos[1] - searchNanos[0]) / 1e9, total, search);
    }

    private void grid() throws Exception {
        Path script = Path.of("examples/grid_search.mlopt");
        String text = Files.readString(script);
        try (PythonReference py = PythonReference.start(1, 0)) {
            // The script path (parser, checker, planner, executor, CSV reader) keeps the JIT busy for
            // several runs: with only 2 warm-up runs, compilation still competes with the measured runs.
            for (int w = 0; w < 10; w++) runScript(script, text);
            py.seconds("grid");
            int n = Math.max(reps, 9);
            double[] search = new double[n];
            double[] total = new double[n];
            double[] ref = new double[n];
            double[] cpu = new double[n];
            double[] refCpu = new double[n];
            ScriptRun last = null;
            String[] reply = new String[1];
            Pattern cpuField = Pattern.compile("\"cpu\": ([0-9.eE+-]+)");
            for (int r = 0; r < n; r++) {
                long c0 = processCpu();
                last = runScript(script, text);
                cpu[r] = (processCpu() - c0) / 1e9;
                search[r] = last.searchSeconds();
                total[r] = last.totalSeconds();
                ref[r] = py.seconds("grid", reply);
                Matcher m = cpuField.matcher(reply[0]);
                refCpu[r] = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
            }
            System.out.printf(Locale.ROOT, "  process CPU time: mlopt whole in-process run %s | sklearn GridSearchCV.fit %s%n",
                    Arrays.toString(round(cpu)), Arrays.toString(round(refCpu)));
            System.out.printf(Locale.ROOT, "  mlopt search step %s, whole run in process %s | sklearn %s%n  mlopt %s %s%n  sklearn %s%n",
                    Arrays.toString(round(search)), Arrays.toString(round(total)), Arrays.toString(round(ref)),
                    last.search().metrics(), last.search().details().get("best_params"), reply[0]);
            double direct = LinearHarness.gridSearch(org.mlopt.linear.LogisticSolver.AUTO);
            double directLiblinear = LinearHarness.gridSearch(org.mlopt.linear.LogisticSolver.LIBLINEAR);
            rows.add(new Row("W3 grid search, breast_cancer, 61 fits (s, search step)", fmt3(median(search)),
                    fmt3(median(ref)) + " (GridSearchCV 1T)", fmt(median(search) / median(ref)) + "x time", "≤ 1x time",
                    "best " + last.search().details().get("best_params") + ", CV " + last.search().metrics()
                            + "; whole in-process run " + fmt3(median(total)) + " s; the same 61 fits through the Java API "
                            + fmt3(directLiblinear) + " s with solver LIBLINEAR, " + fmt3(direct) + " s with AUTO; process CPU time, whole run " + fmt3(median(cpu)) + " s vs sklearn "
                            + fmt3(median(refCpu)) + " s"));
        }
    }

    private void random() throws Exception {
        Path script = Path.of("examples/random_search.mlopt");
        String two = Files.readString(script);
        if (!two.contains("parallel: 2")) throw new IllegalStateException("examples/random_search.mlopt no longer says parallel: 2");
        String one = two.replace("parallel: 2", "parallel: 1");
        int n = Math.max(3, Math.min(reps, 3));
        try (PythonReference py = PythonReference.start(1, 0)) {
            py.seconds("random 2 2 1");
            double[] p1 = new double[n];
            double[] p2 = new double[n];
            double[] ref = new double[n];
            ScriptRun r1 = null;
            ScriptRun r2 = null;
            String[] reply = new String[1];
            for (int r = 0; r < n; r++) {
                long c0 = processCpu();
                r1 = runScript(script, one);
                p1[r] = r1.searchSeconds();
                long c1 = processCpu();
                r2 = runScript(script, two);
                p2[r] = r2.searchSeconds();
                long c2 = processCpu();
                System.out.printf(Locale.ROOT, "  round %d: JVM CPU/wall of the whole run: parallel 1 %.2f, parallel 2 %.2f%n",
                        r, (c1 - c0) / 1e9 / r1.totalSeconds(), (c2 - c1) / 1e9 / r2.totalSeconds());
                ref[r] = py.seconds("random 2 20 20", reply);
                System.out.printf(Locale.ROOT, "  round %d: mlopt parallel 1 %.2f s, parallel 2 %.2f s | sklearn n_jobs=2 %.2f s%n",
                        r, p1[r], p2[r], ref[r]);
            }
            boolean same = r1.search().metrics().equals(r2.search().metrics())
                    && r1.search().details().equals(r2.search().details());
            System.out.printf("  parallel 1: %s %s%n  parallel 2: %s %s%n  sklearn: %s%n", r1.search().metrics(),
                    r1.search().details().get("best_params"), r2.search().metrics(), r2.search().details().get("best_params"), reply[0]);
            rows.add(new Row("W8 random search, digits net, 20 trials × 3 folds + refit (s), parallel: 1", fmt(median(p1)),
                    fmt(median(ref)) + " (RandomizedSearchCV n_jobs=2)", fmt(median(p1) / median(ref)) + "x time", "—",
                    "best " + r1.search().details().get("best_params") + ", CV " + r1.search().metrics()));
            rows.add(new Row("W8 random search, parallel: 2", fmt(median(p2)), fmt(median(ref)) + " (RandomizedSearchCV n_jobs=2)",
                    fmt(median(p2) / median(ref)) + "x time", "≤ 1x time",
                    (same ? "identical" : "DIFFERENT") + " results at parallel 1 and 2; speed-up 1→2: " + fmt(median(p1) / median(p2)) + "x"));
        }
    }

    private void strategies() throws Exception {
        for (String mode : new String[] {"logistic", "network"}) {
            long t0 = System.nanoTime();
            SearchBench.main(new String[] {"1", "3", mode});
            rows.add(new Row("search strategies, digits " + mode + " (SearchBench, mean of 3 search seeds)", "table above", "—", "—", "—",
                    String.format(Locale.ROOT, "%.1f s in all", (System.nanoTime() - t0) / 1e9)));
        }
    }

    // ---- checker and allocation -----------------------------------------------------------

    private void checker() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.mlopt.bench.CheckerBench");
        pb.redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        StringBuilder text = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println("  " + line);
                text.append(line).append('\n');
            }
        }
        p.waitFor();
        double jvm = (System.nanoTime() - t0) / 1e9;
        Matcher cold = Pattern.compile("first run \\(cold JVM\\): ([0-9.]+) ms").matcher(text);
        Matcher warm = Pattern.compile("warm parse\\+check: median ([0-9.]+) ms").matcher(text);
        rows.add(new Row("check a 10,000-line script (ms after JVM start)", cold.find() ? cold.group(1) + " cold" : "?",
                "—", "—", "—", (warm.find() ? "warm median " + warm.group(1) + " ms; " : "") + String.format(Locale.ROOT,
                "child JVM %.1f s in all", jvm)));
    }

    private void alloc() throws Exception {
        DigitsFixture data = DigitsFixture.load(Precision.FLOAT32);
        allocation("digits training split, 1347 rows (42 batches of 32 + one of 3)", data.train);
        Dataset whole = data.train.select(java.util.stream.IntStream.range(0, 1344).toArray(), Precision.FLOAT32);
        allocation("first 1344 rows (42 full batches)", whole);
    }

    /** Bytes this thread allocates per batch of training in steady state: the difference of two fit lengths. */
    private void allocation(String what, Dataset train) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        int batches = (train.size() + 31) / 32;
        Function<Integer, Long> allocated = epochs -> {
            long b0 = bean.getThreadAllocatedBytes(id);
            DigitsTrainingHarness.train(train, 0, 64, 128, 64, 10, epochs, 32);
            return bean.getThreadAllocatedBytes(id) - b0;
        };
        allocated.apply(3);
        long[] few = new long[3];
        long[] many = new long[3];
        for (int r = 0; r < 3; r++) {
            few[r] = allocated.apply(5);
            many[r] = allocated.apply(25);
        }
        Arrays.sort(few);
        Arrays.sort(many);
        double perBatch = (double) (many[1] - few[1]) / (20.0 * batches);
        double perEpoch = (double) (many[1] - few[1]) / 20.0;
        System.out.printf(Locale.ROOT, "  %s: whole fit 5 epochs %,d bytes, 25 epochs %,d bytes (medians of 3); %.0f bytes per epoch%n",
                what, few[1], many[1], perEpoch);
        rows.add(new Row("allocation per batch, 64-128-64-10 b32 training (bytes), " + what, String.format(Locale.ROOT, "%.1f", perBatch),
                "—", "—", "0 in steady state", String.format(Locale.ROOT,
                "(fit(25 ep) − fit(5 ep)) / %d batches = %,.0f bytes per epoch; fit(5 ep) allocates %,d bytes in all",
                20 * batches, perEpoch, few[1])));
    }

    // ---- helpers --------------------------------------------------------------------------

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return s;
        } catch (Exception e) {
            return String.format(Locale.ROOT, "load average %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 1e4) / 1e4).toArray();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fmt3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
