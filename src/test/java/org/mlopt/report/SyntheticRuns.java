package org.mlopt.report;

import org.mlopt.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Run folders written by hand in the layout of docs/json.md, for tests that need exact known numbers. */
final class SyntheticRuns {

    private SyntheticRuns() {}

    static final String SCRIPT = """
            # A small classification run.
            data d = csv("data/tiny.csv", target: "b")
            split d -> train: 0.75, test: 0.25 { stratify: true, seed: 0 }

            model clf = logistic_regression(C: 1.0, solver: lbfgs)

            search clf on train {
              space {
                C: [0.001, 0.1, 10]
                penalty: [l1, l2]
              }
              strategy: grid
            }

            evaluate clf on test: [accuracy, confusion_matrix]
            """;

    static final double[] LOSS = {1.25, 0.75, 0.5, 0.4375, 0.40625};
    static final double[] VAL_LOSS = {1.3, 0.9, 0.7, 0.72, 0.8};
    static final double[] ACC = {0.5, 0.625, 0.75, 0.8125, 0.875};
    static final double[] VAL_ACC = {0.45, 0.6, 0.7, 0.68, 0.66};
    static final double[] LR = {0.1, 0.05, 0.025, 0.0125, 0.00625};
    static final long[][] COUNTS = {{13, 0, 2}, {1, 11, 0}, {0, 3, 8}};
    static final double[] C_VALUES = {0.001, 0.1, 10};
    static final double[] SCORES = {0.61, 0.62, 0.9, 0.93, 0.88, 0.91}; // trial order: C x penalty (l1, l2)

    /** A run with train (history, early stop), search, evaluate (confusion matrix) and prune steps. */
    static Path writeFullRun(Path parent, String name, long seed, List<String> overrides, String script) throws IOException {
        List<Object> steps = new ArrayList<>();
        steps.add(step("s4", "train", "clf", "train", map("loss", 0.4375, "val_loss", 0.72),
                map("parameters", 15, "epochs", 5, "stopped", "early_stopped", "best_epoch", 3, "solver", "gd"), history(true)));
        List<Object> trials = new ArrayList<>();
        int t = 0;
        for (double c : C_VALUES)
            for (String p : List.of("l1", "l2")) {
                trials.add(map("trial", t, "params", map("C", c, "penalty", p), "state", "complete", "mean_accuracy", SCORES[t], "std_accuracy", 0.01));
                t++;
            }
        steps.add(step("s5.t1.f1", "search", "clf", "train", map("accuracy", 0.93),
                map("strategy", "grid", "folds", 5, "trials", 6, "best_params", map("C", 0.1, "penalty", "l2"), "trial_scores", trials), null));
        List<String> labels = List.of("setosa", "versi<color>", "virginica & co");
        steps.add(step("s6.clf", "evaluate", "clf", "test", map("accuracy", 32.0 / 38, "confusion_matrix", map("labels", labels, "counts", COUNTS)),
                map("rows", 38), null));
        steps.add(step("s7", "prune", "clf", "train", map("sparsity", 0.5, "accuracy", 0.81), map("method", "magnitude"), history(false)));
        return write(parent, name, seed, overrides, script, steps);
    }

    /** A run with one evaluate step whose metrics are given. */
    static Path writeEvaluateRun(Path parent, String name, long seed, List<String> overrides, String script, Map<String, Object> metrics) throws IOException {
        return write(parent, name, seed, overrides, script, List.of(step("s6.clf", "evaluate", "clf", "test", metrics, map("rows", 38), null)));
    }

    static Path write(Path parent, String name, long seed, List<String> overrides, String script, List<Object> steps) throws IOException {
        Path dir = parent.resolve(name);
        Files.createDirectories(dir);
        Map<String, Object> summary = map("schema", 1, "mlopt", "0.1.0", "script", "examples/tiny.mlopt", "seed", seed, "steps", steps,
                "not_executed", List.of(), "cancelled", false);
        Files.writeString(dir.resolve("summary.json"), Json.writePretty(summary));
        StringBuilder header = new StringBuilder("# run with --seed ").append(seed);
        for (String o : overrides) header.append(" --set ").append(o);
        Files.writeString(dir.resolve("script.mlopt"), header + "\n" + script);
        return dir;
    }

    private static List<Object> history(boolean withValidation) {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < LOSS.length; i++) {
            Map<String, Object> r = map("epoch", (double) (i + 1), "lr", LR[i], "loss", LOSS[i], "accuracy", ACC[i]);
            if (withValidation) {
                r.put("val_loss", VAL_LOSS[i]);
                r.put("val_accuracy", VAL_ACC[i]);
            }
            rows.add(r);
        }
        return rows;
    }

    private static Map<String, Object> step(String id, String kind, String model, String data, Map<String, Object> metrics, Map<String, Object> details,
                                            List<Object> history) {
        Map<String, Object> s = map("id", id, "kind", kind, "model", model, "data", data, "metrics", metrics, "details", details);
        if (history != null) s.put("history", history);
        return s;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
