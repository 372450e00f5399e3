package org.mlopt.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlopt.check.CheckResult;
import org.mlopt.check.Checker;
import org.mlopt.diag.SourceText;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;
import org.mlopt.plan.ExecutionGraph;
import org.mlopt.plan.Planner;

/**
 * Scripts that stop training on a validation metric, run end to end: the run stops at the epoch
 * its recorded history implies, reports the best epoch, and the restored network scores the best
 * recorded value when evaluated on the same validation data.
 */
class EarlyStopMetricRunTest {

    @TempDir
    Path dir;

    private RunResult run(String script) throws IOException {
        Files.copy(Path.of("src", "test", "resources", "check", "data", "iris.csv"), dir.resolve("iris.csv"));
        Path file = dir.resolve("script.mlopt");
        Files.writeString(file, script);
        ParseResult parsed = ScriptParser.parse(new SourceText(file.toString(), script));
        assertTrue(parsed.ok(), () -> parsed.toString());
        CheckResult checked = Checker.check(parsed, dir);
        assertTrue(checked.ok(), () -> checked.diagnostics().all().toString());
        ExecutionGraph graph = Planner.plan(checked.program(), 0);
        RunResult result = Executor.run(checked.program(), graph, new RunOptions(0, 1, List.of(), null), RunListener.SILENT, r -> {});
        assertEquals(List.of(), result.notExecuted());
        return result;
    }

    private static StepResult step(RunResult r, String kind) {
        return r.steps().stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static double[] column(StepResult s, String key) {
        return s.history().stream().mapToDouble(row -> {
            Double v = row.get(key);
            assertTrue(v != null, "epoch " + row.get("epoch") + " records " + key);
            return v;
        }).toArray();
    }

    /** The first epoch (1-based) ending {@code patience} epochs in a row none of which beats the maximum before them; 0 if none. */
    private static int impliedStop(double[] v, int patience) {
        for (int e = patience + 1; e <= v.length; e++) {
            double before = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < e - patience; i++) before = Math.max(before, v[i]);
            boolean beaten = false;
            for (int i = e - patience; i < e; i++) beaten |= v[i] > before;
            if (!beaten) return e;
        }
        return 0;
    }

    private static int firstMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best + 1;
    }

    @Test
    void macroF1EarlyStoppingStopsAsTheHistoryImpliesAndRestoresTheBestWeights() throws IOException {
        RunResult r = run("""
                data iris = csv("iris.csv", target: "species")
                split iris -> train: 0.6, valid: 0.4 { seed: 3, stratify: true }
                preprocess standardize() fit train
                network n { dense(8, relu), dense(3) }
                train n on train {
                  loss: cross_entropy(), optimizer: adam(lr: 0.01), batch: 16, epochs: 300, seed: 1
                  validate: valid
                  early_stop: { metric: f1(average: macro), patience: 3 }
                }
                evaluate n on valid: f1(average: macro)
                """);
        StepResult train = step(r, "train");
        double[] f1 = column(train, "val_f1_macro");
        assertEquals("early_stopped", train.details().get("stopped"));
        assertEquals(impliedStop(f1, 3), f1.length, "stops when three epochs in a row do not beat the best");
        assertEquals(f1.length, ((Number) train.details().get("epochs")).intValue());
        int best = firstMax(f1);
        assertEquals(best, ((Number) train.details().get("best_epoch")).intValue());
        assertTrue(best > 1 && best < f1.length, "a run where the best epoch is neither the first nor the last");
        double evaluated = ((Number) step(r, "evaluate").metrics().values().iterator().next()).doubleValue();
        assertEquals(f1[best - 1], evaluated, 1e-12, "the restored network scores the best recorded validation F1");
        assertNotEquals(f1[f1.length - 1], f1[best - 1], "the last epoch scored differently, so restoring mattered");
    }

    @Test
    void fineTuningAndPlateauWatchValidationMetricsToo() throws IOException {
        RunResult r = run("""
                data iris = csv("iris.csv", target: "species")
                split iris -> train: 0.7, test: 0.3 { seed: 1, stratify: true }
                network n { dense(8, relu), dense(3) }
                schedule halve = plateau(patience: 0, factor: 0.5, metric: accuracy)
                train n on train { loss: cross_entropy(), optimizer: adam(lr: 0.02), epochs: 30, validate: 0.25, schedule: halve }
                prune n on train { method: magnitude(sparsity: 0.5)  finetune: { epochs: 40, early_stop: { metric: val_f1, patience: 1 }, validate: 0.2 } }
                """);
        StepResult train = step(r, "train");
        double[] acc = column(train, "val_accuracy");
        double[] lr = column(train, "lr");
        // ReduceLROnPlateau(mode max, patience 0, factor 0.5, threshold 1e-4 rel): halve after every epoch not beating the best
        double best = Double.NEGATIVE_INFINITY;
        double expected = 0.02;
        boolean halved = false;
        for (int e = 0; e < acc.length; e++) {
            assertEquals(expected, lr[e], 1e-15, "lr of epoch " + (e + 1));
            if (acc[e] > best * (1 + 1e-4)) best = acc[e];
            else {
                expected *= 0.5;
                halved = true;
            }
        }
        assertTrue(halved);
        StepResult prune = step(r, "prune");
        assertFalse(prune.metrics().isEmpty());
        assertTrue(prune.metrics().containsKey("accuracy_after_finetuning"), () -> prune.metrics().toString());
    }

    @Test
    void earlyStoppingSettingsBindToTheTrainer() {
        Map<String, Object> macro = Map.of("average", "macro");
        assertEquals(new org.mlopt.train.EarlyStopping("val_loss", 5, 0.0, true),
                NetworkModels.earlyStopping(new Bound("early_stop", Map.of("metric", "val_loss", "patience", 5.0), null)));
        org.mlopt.train.EarlyStopping f1 = NetworkModels.earlyStopping(new Bound("early_stop",
                Map.of("metric", new Bound("f1", macro, null), "patience", 3.0, "min_delta", 0.01, "restore_best", false), null));
        assertEquals("val_f1_macro", f1.monitor());
        assertEquals(3, f1.patience());
        assertEquals(0.01, f1.minDelta());
        assertFalse(f1.restoreBest());
        assertTrue(f1.maximize());
        assertEquals(org.mlopt.train.ValidationMetric.of("f1", macro), f1.metric());
        // the schema's default average (binary) is left to the metric, which picks macro on more than two classes
        org.mlopt.train.EarlyStopping byDefault = NetworkModels.earlyStopping(new Bound("early_stop",
                Map.of("metric", new Bound("f1", Map.of("average", "binary"), null)), null));
        assertEquals("val_f1", byDefault.monitor());
        assertEquals(Map.of(), byDefault.metric().params());
        org.mlopt.train.EarlyStopping r2 = NetworkModels.earlyStopping(new Bound("early_stop", Map.of("metric", "val_r2"), null));
        assertEquals("val_r2", r2.monitor());
        assertTrue(r2.maximize());
        org.mlopt.train.EarlyStopping loss = NetworkModels.earlyStopping(new Bound("early_stop", Map.of("metric", "loss", "mode", "max"), null));
        assertEquals("loss", loss.monitor());
        assertTrue(loss.maximize(), "mode: max overrides the inferred direction");
        org.mlopt.train.EarlyStopping rmse = NetworkModels.earlyStopping(new Bound("early_stop",
                Map.of("metric", new Bound("rmse", Map.of(), null), "mode", "auto"), null));
        assertEquals("val_rmse", rmse.monitor());
        assertFalse(rmse.maximize());
    }

    @Test
    void fineTuningStopsOnItsValidationMetric() {
        // a fine-tuning block as the runtime binds it: early_stop on f1(average: macro), a fifth held out
        Bound earlyStop = new Bound("early_stop", Map.of("metric", new Bound("f1", Map.of("average", "macro"), null), "patience", 2.0), null);
        Bound finetune = new Bound("finetune", Map.of("epochs", 200.0, "batch", 16.0, "validate", 0.2, "early_stop", earlyStop), null);
        org.mlopt.train.TrainConfig config = NetworkModels.config(finetune, 90, 0, () -> false);
        org.mlopt.train.Dataset data = org.mlopt.train.ValidationMetricTrainingTestData.noisyBlobs(90, 1).withClasses(List.of("a", "b", "c"));
        org.mlopt.nn.Network net = org.mlopt.nn.Network.compile(new org.mlopt.nn.NetworkSpec(5, List.of(
                org.mlopt.nn.DenseLayerSpec.dense(16, org.mlopt.autodiff.Activation.RELU),
                org.mlopt.nn.DenseLayerSpec.dense(3, org.mlopt.autodiff.Activation.IDENTITY)),
                org.mlopt.nn.Initializer.TORCH_DEFAULT, org.mlopt.autodiff.Precision.FLOAT64, 2));
        new org.mlopt.train.Trainer(net, new org.mlopt.loss.Loss.CrossEntropy(), org.mlopt.optim.Adam.adam(0.02),
                org.mlopt.train.TrainConfig.of(20, 16, 0)).fit(data);
        org.mlopt.prune.FineTune ft = new org.mlopt.prune.FineTune(new org.mlopt.loss.Loss.CrossEntropy(), org.mlopt.optim.Adam.adam(0.01), config);
        org.mlopt.prune.Pruner.Result result = org.mlopt.prune.Pruner.magnitude(net,
                new org.mlopt.prune.MagnitudePruning(0.6, null, false, null),
                new org.mlopt.prune.Pruner.Job(org.mlopt.prune.PruneSchedule.oneShot(0.6), ft, null, data, 1), data);
        org.mlopt.train.History h = result.fineTuning().get(0);
        double[] f1 = h.epochs().stream().mapToDouble(e -> e.metric("val_f1_macro")).toArray();
        assertEquals(org.mlopt.train.History.StopReason.EARLY_STOPPED, h.stopReason());
        assertEquals(impliedStop(f1, 2), f1.length);
        assertEquals(firstMax(f1), h.bestEpoch());
    }
}
