package org.mlopt.bench;

import org.mlopt.check.CheckResult;
import org.mlopt.check.Checker;
import org.mlopt.diag.SourceText;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;
import org.mlopt.schema.Registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How long parsing and checking a 10,000-line script takes, first run after JVM start and
 * warmed up. Run: {@code mvn -q -B test-compile} then
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.mlopt.bench.CheckerBench}
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 * The script repeats blocks of declarations, trainings, searches and evaluations over one
 * CSV file, so every rule runs many times.
 */
public final class CheckerBench {

    private CheckerBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("mlopt-bench");
        Files.copy(Path.of("src/test/resources/check/data/iris.csv"), dir.resolve("iris.csv"));
        String script = script(10_000);
        Registry registry = registry();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        ParseResult parsedFirst = ScriptParser.parse(new SourceText("bench.mlopt", script));
        long parseNanos = System.nanoTime() - t0;
        long c1 = cpu.getCurrentThreadCpuTime();
        CheckResult first = Checker.check(parsedFirst, dir, registry);
        long firstNanos = System.nanoTime() - t0;
        long c2 = cpu.getCurrentThreadCpuTime();
        System.out.printf("first run (cold JVM): parse %.1f ms, check %.1f ms wall; parse %.1f ms, check %.1f ms CPU of the main thread%n",
                parseNanos / 1e6, (firstNanos - parseNanos) / 1e6, (c1 - c0) / 1e6, (c2 - c1) / 1e6);
        System.out.printf("lines=%d statements=%d diagnostics=%d ok=%s%n", script.split("\n").length,
                first.ok() ? first.program().ast().statements().size() : -1, first.diagnostics().all().size(), first.ok());
        System.out.printf("first run (cold JVM): %.1f ms%n", firstNanos / 1e6);
        if (args.length > 0 && args[0].equals("cold")) return;
        double[] ms = new double[30];
        double[] checkMs = new double[30];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            ParseResult parsed = ScriptParser.parse(new SourceText("bench.mlopt", script));
            long p = cpu.getCurrentThreadCpuTime();
            Checker.check(parsed, dir, registry);
            ms[i] = (System.nanoTime() - t) / 1e6;
            checkMs[i] = (cpu.getCurrentThreadCpuTime() - p) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(checkMs);
        System.out.printf("warm parse+check: median %.1f ms, min %.1f ms wall; check alone: median %.1f ms, min %.1f ms CPU (30 runs)%n",
                ms[ms.length / 2], ms[0], checkMs[checkMs.length / 2], checkMs[0]);
    }

    private static CheckResult run(String script, Path dir, Registry registry) {
        ParseResult parsed = ScriptParser.parse(new SourceText("bench.mlopt", script));
        return Checker.check(parsed, dir, registry);
    }

    /** The test catalog when the test classes are on the class path, else the standard one. */
    private static Registry registry() throws Exception {
        try {
            Class<?> c = Class.forName("org.mlopt.check.TestCatalog");
            java.lang.reflect.Field f = c.getDeclaredField("REGISTRY");
            f.setAccessible(true);
            return (Registry) f.get(null);
        } catch (ClassNotFoundException e) {
            return Registry.standard();
        }
    }

    private static int lineCount(StringBuilder b) {
        int n = 0;
        for (int i = 0; i < b.length(); i++) if (b.charAt(i) == '\n') n++;
        return n;
    }

    static String script(int lines) {
        StringBuilder b = new StringBuilder("data iris = csv(\"iris.csv\", target: \"species\")\n");
        b.append("split iris -> train: 0.8, test: 0.2 { stratify: true, seed: 0 }\n");
        b.append("preprocess standardize() fit train\n");
        int i = 0;
        while (lineCount(b) < lines - 30) {
            b.append("optimizer opt").append(i).append(" = adam(lr: 0.001, beta1: 0.9)\n");
            b.append("loss ce").append(i).append(" = cross_entropy(label_smoothing: 0.1)\n");
            b.append("network net").append(i).append(" {\n  dense(16, relu)\n  dropout(0.1)\n  dense(3)\n  init: he\n}\n");
            b.append("train net").append(i).append(" on train {\n  loss: ce").append(i).append("\n  optimizer: opt").append(i)
                    .append("\n  batch: 32\n  epochs: 5\n  early_stop: { patience: 3 }\n}\n");
            b.append("model clf").append(i).append(" = logistic_regression(C: 1.0, max_iter: 200)\n");
            b.append("search clf").append(i).append(" on train {\n  space {\n    C: [0.1, 1, 10]\n    penalty: [l2, elastic_net]\n")
                    .append("    l1_ratio: when(penalty: elastic_net, [0.2, 0.8])\n    solver: [saga]\n  }\n  cv: stratified(5)\n")
                    .append("  scoring: f1(average: macro)\n}\n");
            b.append("evaluate net").append(i).append(", clf").append(i).append(" on test: [accuracy, f1(average: macro)]\n");
            i++;
        }
        return b.toString();
    }
}
