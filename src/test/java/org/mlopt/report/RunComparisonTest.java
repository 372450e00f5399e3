package org.mlopt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {

    private static final Map<String, Object> METRICS_A = SyntheticRuns.map("accuracy", 0.9, "f1", 0.875);
    private static final Map<String, Object> METRICS_B = SyntheticRuns.map("accuracy", 0.95, "f1", 0.875);

    @Test
    void differentSeedsDifferInTheSeedOnly(@TempDir Path dir) throws Exception {
        RunRecord a = RunRecord.read(SyntheticRuns.writeEvaluateRun(dir, "a", 0, List.of(), SyntheticRuns.SCRIPT, METRICS_A));
        RunRecord b = RunRecord.read(SyntheticRuns.writeEvaluateRun(dir, "b", 1, List.of(), SyntheticRuns.SCRIPT, METRICS_B));
        RunComparison c = RunComparison.of(a, b);
        assertEquals(List.of(new RunComparison.SettingChange("--seed", "0", "1")), c.settings());
        assertEquals(List.of(new RunComparison.MetricRow("evaluate clf on test", "accuracy", 0.9, 0.95),
                new RunComparison.MetricRow("evaluate clf on test", "f1", 0.875, 0.875)), c.metrics());
        String text = c.render();
        assertTrue(text.contains("--seed  0 → 1"), text);
        assertTrue(text.contains("+0.05"), text);
    }

    @Test
    void aChangedSettingIsTheOnlyLineShown(@TempDir Path dir) throws Exception {
        String changed = SyntheticRuns.SCRIPT.replace("C: [0.001, 0.1, 10]", "C: [0.01, 0.1, 10]")
                .replace("# A small classification run.", "# A comment that changed, and a blank line added.\n");
        RunRecord a = RunRecord.read(SyntheticRuns.writeEvaluateRun(dir, "a", 0, List.of(), SyntheticRuns.SCRIPT, METRICS_A));
        RunRecord b = RunRecord.read(SyntheticRuns.writeEvaluateRun(dir, "b", 0, List.of(), changed, METRICS_A));
        List<RunComparison.SettingChange> s = RunComparison.of(a, b).settings();
        // SCRIPT line 9 ("C: [0.001, ...]"), file line 10 after the header; line 11 in the second file (one line added above)
        assertEquals(List.of(new RunComparison.SettingChange("lines 10 / 11 in search clf on train", "C: [0.001, 0.1, 10]", "C: [0.01, 0.1, 10]")), s);
    }

    @Test
    void overridesAddedRemovedAndChanged(@TempDir Path dir) throws Exception {
        RunRecord a = RunRecord.read(SyntheticRuns.writeEvaluateRun(dir, "a", 0, List.of("opt.lr=0.1", "epochs=5"), SyntheticRuns.SCRIPT, METRICS_A));
        RunRecord b = RunRecord.read(SyntheticRuns.writeEvaluateRun(dir, "b", 0, List.of("opt.lr=0.01", "batch=64", "epochs=5"), SyntheticRuns.SCRIPT, METRICS_A));
        assertEquals(List.of(new RunComparison.SettingChange("--set opt.lr", "0.1", "0.01"), new RunComparison.SettingChange("--set batch", null, "64")),
                RunComparison.of(a, b).settings());
    }

    @Test
    void identicalRunsShowNoSettingsAndAlignedMetrics(@TempDir Path dir) throws Exception {
        RunRecord a = RunRecord.read(SyntheticRuns.writeFullRun(dir, "a", 3, List.of(), SyntheticRuns.SCRIPT));
        RunRecord b = RunRecord.read(SyntheticRuns.writeFullRun(dir, "b", 3, List.of(), SyntheticRuns.SCRIPT));
        RunComparison c = RunComparison.of(a, b);
        assertTrue(c.settings().isEmpty());
        String text = c.render();
        assertTrue(text.contains("the same script, seed and overrides"), text);
        // train and prune steps have a loss history: a sparkline per run; LOSS scaled to 8 bars:
        // (0.75 - 0.40625) / 0.84375 * 8 = 3.3 -> ▄, (0.5 - 0.40625) / 0.84375 * 8 = 0.9 -> ▁
        assertTrue(text.contains("Loss by epoch:\n  train clf on train\n    1  █▄▁▁▁  5 epochs, last 0.40625\n    2  █▄▁▁▁"), text);
        List<String> table = text.lines().dropWhile(l -> !l.startsWith("Metrics:")).skip(1).takeWhile(l -> !l.isEmpty()).filter(l -> !l.contains("─")).toList();
        assertEquals(1 + 6, table.size(), text); // header; train loss, val_loss; search accuracy; evaluate accuracy; prune sparsity, accuracy
        int width = table.get(0).length();
        for (String row : table) assertEquals(width, row.length(), "aligned: " + row);
    }

    @Test
    void aStepOnlyOneRunHasShowsDashes(@TempDir Path dir) throws Exception {
        RunRecord a = RunRecord.read(SyntheticRuns.writeEvaluateRun(dir, "a", 0, List.of(), SyntheticRuns.SCRIPT, METRICS_A));
        RunRecord b = RunRecord.read(SyntheticRuns.writeFullRun(dir, "b", 0, List.of(), SyntheticRuns.SCRIPT));
        RunComparison c = RunComparison.of(a, b);
        RunComparison.MetricRow prune = c.metrics().stream().filter(m -> m.step().equals("prune clf on train")).findFirst().orElseThrow();
        assertTrue(Double.isNaN(prune.first()));
        assertTrue(c.render().contains("—"));
    }
}
