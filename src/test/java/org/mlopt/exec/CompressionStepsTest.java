package org.mlopt.exec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlopt.check.CheckResult;
import org.mlopt.check.Checker;
import org.mlopt.parse.ScriptParser;
import org.mlopt.plan.Planner;
import org.mlopt.util.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What prune and distill statements put into the run's JSON: the sparsity sweep and per-phase
 * stages of pruning, and the per-seed students of distillation with their mean and deviation.
 */
class CompressionStepsTest {

    private static final String DATA = """
            data d = synthetic_classification(samples: 240, features: 6, classes: 3, informative: 4, seed: 0)
            split d -> train: 0.75, test: 0.25 { stratify: true, seed: 0 }
            network teacher {
              dense(24, relu)
              dense(3)
            }
            network student {
              dense(4, relu)
              dense(3)
            }
            loss ce = cross_entropy()
            optimizer opt = adam(lr: 1e-2)
            train teacher on train { loss: ce  optimizer: opt  batch: 32  epochs: 10  seed: 0 }
            """;

    private static List<Map<String, Object>> run(Path dir, String script, int threads) throws Exception {
        return run(dir, script, threads, RunListener.SILENT);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> run(Path dir, String script, int threads, RunListener listener) throws Exception {
        Path file = dir.resolve("s.mlopt");
        Files.writeString(file, script);
        CheckResult checked = Checker.check(ScriptParser.parse(file.toString(), script), dir);
        assertTrue(checked.ok(), checked.diagnostics().toString());
        RunResult result = Executor.run(checked.program(), Planner.plan(checked.program(), 0),
                new RunOptions(0, threads, List.of(), null), listener, r -> { });
        assertTrue(result.notExecuted().isEmpty(), result.notExecuted().toString());
        Map<String, Object> doc = (Map<String, Object>) Json.read(RunJson.render(result, "test"));
        return (List<Map<String, Object>>) doc.get("steps");
    }

    private static Map<String, Object> step(List<Map<String, Object>> steps, String kind, String model) {
        return steps.stream().filter(s -> s.get("kind").equals(kind) && s.get("model").equals(model)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " of " + model + " in " + steps));
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> m, String... keys) {
        Object o = m;
        for (String k : keys) o = ((Map<String, Object>) o).get(k);
        return o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String... keys) {
        return (List<Map<String, Object>>) at(m, keys);
    }

    private static double number(Map<String, Object> m, String... keys) {
        return ((Number) at(m, keys)).doubleValue();
    }

    private static String distill(int seeds) {
        return DATA + """
                distill teacher -> student on train { temperature: 2.0  alpha: 0.5  epochs: 6  optimizer: opt  batch: 32  baseline: true  seed: 3  seeds: %d }
                evaluate student on test: [accuracy, log_loss, confusion_matrix]
                save student to "student.mlm"
                """.formatted(seeds);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySeedDistilsItsOwnStudentAndTheFirstIsTheSingleSeedOne(@TempDir Path one, @TempDir Path three) throws Exception {
        List<Map<String, Object>> single = run(one, distill(1), 1);
        List<Map<String, Object>> multi = run(three, distill(3), 1);
        // The script goes on with the first seed's student: the saved file is the single-seed student, byte for byte.
        assertArrayEquals(Files.readAllBytes(one.resolve("student.mlm")), Files.readAllBytes(three.resolve("student.mlm")));

        Map<String, Object> distillStep = step(multi, "distill", "student");
        assertEquals(List.of(3L, 4L, 5L), ((List<Object>) at(distillStep, "details", "seeds")).stream().map(o -> ((Number) o).longValue()).toList());
        List<Map<String, Object>> trainPerSeed = list(distillStep, "details", "per_seed");
        assertEquals(3, trainPerSeed.size());
        assertEquals(at(step(single, "distill", "student"), "metrics", "train_accuracy_student"), trainPerSeed.get(0).get("train_accuracy_student"));
        assertEquals(at(distillStep, "metrics", "train_accuracy_baseline"), trainPerSeed.get(0).get("train_accuracy_baseline"));

        Map<String, Object> eval = step(multi, "evaluate", "student");
        Map<String, Object> singleEval = step(single, "evaluate", "student");
        assertEquals(singleEval.get("metrics"), eval.get("metrics"));
        assertEquals(at(singleEval, "details", "baseline_metrics"), at(eval, "details", "baseline_metrics"));
        List<Map<String, Object>> perSeed = list(eval, "details", "per_seed");
        assertEquals(3, perSeed.size());
        assertEquals(eval.get("metrics"), perSeed.get(0).get("metrics"));
        assertEquals(at(eval, "details", "baseline_metrics"), perSeed.get(0).get("baseline_metrics"));
        // Three different networks: their log losses (a continuous function of the weights) differ.
        Set<Object> losses = new HashSet<>();
        for (Map<String, Object> p : perSeed) losses.add(at(p, "metrics", "log_loss"));
        assertEquals(3, losses.size(), perSeed.toString());

        // mean and sample standard deviation (n - 1) of every scalar metric, from the per-seed values
        for (String side : List.of("metrics", "baseline_metrics"))
            for (String metric : List.of("accuracy", "log_loss")) {
                double[] v = perSeed.stream().mapToDouble(p -> number(p, side, metric)).toArray();
                double mean = (v[0] + v[1] + v[2]) / 3;
                double sd = Math.sqrt(((v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean) + (v[2] - mean) * (v[2] - mean)) / 2);
                assertEquals(mean, number(eval, "details", "seed_stats", side, metric, "mean"), 1e-12);
                assertEquals(sd, number(eval, "details", "seed_stats", side, metric, "std"), 1e-12);
            }
        // a confusion matrix has no mean
        assertFalse(((Map<String, Object>) at(eval, "details", "seed_stats", "metrics")).containsKey("confusion_matrix"));
        // one seed: a deviation is undefined
        assertNull(at(singleEval, "details", "seed_stats", "metrics", "accuracy", "std"));
        // the same results on two threads
        assertEquals(multi, run(three, distill(3), 2));
    }

    @Test
    void aStudentTrainedAgainAfterDistillationIsNotComparedWithTheBaseline(@TempDir Path dir) throws Exception {
        List<Map<String, Object>> steps = run(dir, DATA + """
                distill teacher -> student on train { epochs: 2  optimizer: opt  baseline: true  seed: 0  seeds: 2 }
                train student on train { loss: ce  optimizer: opt  epochs: 2  seed: 0 }
                evaluate student on test: accuracy
                """, 1);
        Map<String, Object> eval = step(steps, "evaluate", "student");
        assertNull(at(eval, "details", "baseline_metrics"));
        assertNull(at(eval, "details", "per_seed"));
    }

    @Test
    void aSearchTrialReplayingTheStatementTrainsOneSeedAndMeasuresNoSweep(@TempDir Path dir) throws Exception {
        String script = DATA + """
                distill teacher -> student on train { epochs: 2  optimizer: opt  baseline: true  seed: 0  seeds: 3 }
                prune teacher on train { method: magnitude(sparsity: 0.5) }
                """;
        Path file = dir.resolve("s.mlopt");
        Files.writeString(file, script);
        CheckResult checked = Checker.check(ScriptParser.parse(file.toString(), script), dir);
        assertTrue(checked.ok(), checked.diagnostics().toString());
        Declarations declarations = new Declarations(checked.program().ast());
        Binder binder = new Binder(org.mlopt.schema.Registry.standard(), declarations.components());
        org.mlopt.data.Dataset data = org.mlopt.data.Synthetic.classification(60, 6, 4, 3, 1.0, 0);
        org.mlopt.nn.Network net = org.mlopt.nn.Network.compile(org.mlopt.nn.NetworkSpec.mlp(1, org.mlopt.autodiff.Activation.RELU, 6, 24, 3));
        NetworkModel teacher = new NetworkModel(net, data.task(), data.classes(), false, null, Map.of());
        List<org.mlopt.ast.Statement> statements = checked.program().ast().statements();
        org.mlopt.ast.Statement.Distill distill = (org.mlopt.ast.Statement.Distill) statements.get(statements.size() - 2);
        org.mlopt.ast.Statement.Prune prune = (org.mlopt.ast.Statement.Prune) statements.get(statements.size() - 1);
        for (boolean reported : new boolean[] {true, false}) {
            CompressionSteps steps = new CompressionSteps(declarations, binder, RunOptions.defaults(), reported);
            CompressionSteps.Outcome d = steps.distill(distill, teacher, data, null, "t", 0);
            assertEquals(reported ? 3 : 1, ((List<?>) d.result().details().get("per_seed")).size());
            assertEquals(reported ? 2 : 0, steps.distilled(d.model()).orElseThrow().laterStudents().size());
            CompressionSteps.Outcome p = steps.prune(prune, teacher, data, null, "t", 0);
            assertEquals(reported ? 10 : 0, ((List<?>) p.result().details().get("sweep")).size());
        }
    }

    private static String prune(String method, String extra) {
        return DATA + """
                prune teacher on train { method: %s %s }
                """.formatted(method, extra);
    }

    @Test
    void oneShotPruningWithoutFineTuningIsItsOwnSweepPoint(@TempDir Path dir) throws Exception {
        for (String method : List.of("magnitude(sparsity: 0.75, scope: layer)", "neurons(sparsity: 0.5)")) {
            Map<String, Object> p = step(run(dir, prune(method, ""), 1), "prune", "teacher");
            List<Map<String, Object>> sweep = list(p, "details", "sweep");
            List<Double> sparsities = sweep.stream().map(s -> ((Number) s.get("sparsity")).doubleValue()).toList();
            double target = method.startsWith("magnitude") ? 0.75 : 0.5;
            assertTrue(sparsities.contains(target), sparsities.toString());
            assertEquals(method.startsWith("magnitude") ? 11 : 10, sparsities.size(), sparsities.toString());
            Map<String, Object> atTarget = sweep.get(sparsities.indexOf(target));
            assertEquals(at(p, "metrics", "accuracy_after_pruning"), atTarget.get("accuracy"), method);
            assertEquals(at(p, "metrics", "accuracy_before"), sweep.get(0).get("accuracy"), method);
            // the share of the original parameters that are zero (magnitude) or gone with their units (neurons)
            double removed = method.startsWith("magnitude") ? number(p, "metrics", "sparsity")
                    : 1 - number(p, "details", "parameters_after") / number(p, "details", "parameters_before");
            assertEquals(removed, ((Number) atTarget.get("parameter_sparsity")).doubleValue(), 1e-15, method);
            // the step's sparsity is that share too, for both methods
            assertEquals(removed, number(p, "metrics", "sparsity"), 1e-15, method);
            List<Map<String, Object>> stages = list(p, "details", "stages");
            assertEquals(1, stages.size());
            assertEquals(target, ((Number) stages.get(0).get("sparsity")).doubleValue());
            assertEquals(at(p, "metrics", "accuracy_after_pruning"), stages.get(0).get("accuracy_after_pruning"));
            // nothing was fine-tuned
            assertNull(stages.get(0).get("accuracy_after_finetuning"));
            assertNull(at(p, "metrics", "accuracy_after_finetuning"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPhaseOfAScheduleIsAStageEndingAtTheReportedAccuracies(@TempDir Path dir) throws Exception {
        String finetune = "finetune: { epochs: 2, optimizer: opt, loss: ce }";
        for (String schedule : List.of("iterative(steps: 3)", "gradual(epochs: 4)")) {
            Map<String, Object> p = step(run(dir, prune("magnitude(sparsity: 0.8)", "schedule: " + schedule + " " + finetune), 1),
                    "prune", "teacher");
            List<Map<String, Object>> stages = list(p, "details", "stages");
            List<Object> phases = (List<Object>) at(p, "details", "phase_sparsities");
            assertEquals(phases.size(), stages.size(), schedule);
            for (int i = 0; i < phases.size(); i++) {
                assertEquals(phases.get(i), stages.get(i).get("sparsity"));
                assertTrue(stages.get(i).get("accuracy_after_pruning") instanceof Number, stages.toString());
                assertTrue(stages.get(i).get("accuracy_after_finetuning") instanceof Number, stages.toString());
            }
            Map<String, Object> last = stages.get(stages.size() - 1);
            assertEquals(at(p, "metrics", "accuracy_after_pruning"), last.get("accuracy_after_pruning"), schedule);
            assertEquals(at(p, "metrics", "accuracy_after_finetuning"), last.get("accuracy_after_finetuning"), schedule);
            List<Map<String, Object>> sweep = list(p, "details", "sweep");
            assertEquals(10, sweep.size());
        }
    }
}
