package org.mlopt.cli;

import org.junit.jupiter.api.Test;
import org.mlopt.util.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Searches that tune pruning and distillation, end to end from scripts, and multi-objective fronts. */
class CompressionSearchTest {

    private static final String RESOURCES = "src/test/resources/cli/";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(String json, String kind) {
        Map<String, Object> doc = (Map<String, Object>) Json.read(json);
        return ((List<Object>) doc.get("steps")).stream().map(s -> (Map<String, Object>) s)
                .filter(s -> s.get("kind").equals(kind)).reduce((a, b) -> b).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> step) {
        return (Map<String, Object>) step.get("details");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(Map<String, Object> step) {
        return (Map<String, Object>) step.get("metrics");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachTrialPrunesToItsOwnSparsityAndTheFrontHoldsTheUndominatedTrials() {
        CliRunner r = CliRunner.run("run", RESOURCES + "prune_search.mlopt", "--json", "--no-save", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> search = step(r.out(), "search");
        List<Map<String, Object>> trials = (List<Map<String, Object>>) details(search).get("trial_scores");
        assertEquals(4, trials.size());
        for (Map<String, Object> t : trials) {
            double sparsity = (Double) ((Map<String, Object>) t.get("params")).get("prune.sparsity");
            // 4-16-3 network: 112 weights and 19 biases; global magnitude pruning zeroes round(s * 112) weights.
            assertEquals(131 - Math.round(sparsity * 112), (Double) t.get("mean_params"), 1e-9, "trial " + t);
        }
        List<Object> front = (List<Object>) details(search).get("pareto_front");
        // Brute force: a trial is on the front exactly when no other is at least as good on both and better on one.
        List<Object> expected = new ArrayList<>();
        for (Map<String, Object> a : trials) {
            boolean dominated = false;
            for (Map<String, Object> b : trials) {
                double accA = (Double) a.get("mean_accuracy"), accB = (Double) b.get("mean_accuracy");
                double parA = (Double) a.get("mean_params"), parB = (Double) b.get("mean_params");
                if (accB >= accA && parB <= parA && (accB > accA || parB < parA)) dominated = true;
            }
            if (!dominated) expected.add(a.get("trial"));
        }
        assertEquals(expected.size(), front.size(), "front " + front + " against " + expected);
        assertTrue(front.containsAll(expected), "front " + front + " against " + expected);
        List<Object> objectives = (List<Object>) details(search).get("objectives");
        assertEquals(Map.of("metric", "params", "direction", "minimize"), objectives.get(1));
        assertTrue(r.err().isEmpty() || !r.err().contains("error"), r.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRefitIsThePruneStatementWithTheFrontsMostAccurateSparsity() {
        CliRunner searched = CliRunner.run("run", RESOURCES + "prune_search.mlopt", "--json", "--no-save", "--quiet");
        assertEquals(0, searched.exitCode(), searched.err());
        Map<String, Object> best = (Map<String, Object>) details(step(searched.out(), "search")).get("best_params");
        double sparsity = (Double) best.get("prune.sparsity");
        CliRunner fixed = CliRunner.run("run", RESOURCES + "prune_fixed.mlopt", "--json", "--no-save", "--quiet",
                "--set", "prune.net.method.sparsity=" + sparsity);
        assertEquals(0, fixed.exitCode(), fixed.err());
        assertEquals(metrics(step(fixed.out(), "evaluate")), metrics(step(searched.out(), "evaluate")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDistillationSearchRefitsTheStudentWithTheBestTemperatureAndAlpha() {
        CliRunner searched = CliRunner.run("run", RESOURCES + "distill_search.mlopt", "--json", "--no-save", "--quiet");
        assertEquals(0, searched.exitCode(), searched.err());
        Map<String, Object> search = step(searched.out(), "search");
        assertEquals("distill", details(search).get("replays"));
        List<Map<String, Object>> trials = (List<Map<String, Object>>) details(search).get("trial_scores");
        assertEquals(4, trials.size());
        // Different temperatures and balances give different students.
        assertEquals(4, trials.stream().map(t -> t.get("mean_log_loss")).distinct().count(), trials.toString());
        Map<String, Object> best = (Map<String, Object>) details(search).get("best_params");
        double lowest = trials.stream().mapToDouble(t -> (Double) t.get("mean_log_loss")).min().orElseThrow();
        assertEquals(lowest, (Double) metrics(search).get("log_loss"), 0.0);
        CliRunner fixed = CliRunner.run("run", RESOURCES + "distill_fixed.mlopt", "--json", "--no-save", "--quiet",
                "--set", "distill.student.temperature=" + best.get("distill.temperature"),
                "--set", "distill.student.alpha=" + best.get("distill.alpha"));
        assertEquals(0, fixed.exitCode(), fixed.err());
        assertEquals(metrics(step(fixed.out(), "evaluate")), metrics(step(searched.out(), "evaluate")));
    }

    @Test
    void aMultiObjectiveSearchPrintsItsFront() {
        CliRunner r = CliRunner.run("run", RESOURCES + "prune_search.mlopt", "--no-save");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Pareto front:") && r.out().contains("params ↓"), r.out());
        // the live table shows every objective of each trial as it finishes
        assertTrue(r.err().contains("accuracy (mean ± sd) params (mean ± sd)") && r.err().contains("109 ± 0"), r.err());
        assertFalse(r.leaksStackTrace(), r.out() + r.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDistillationSearchCanResizeTheStudent() {
        CliRunner r = CliRunner.run("run", RESOURCES + "distill_width_search.mlopt", "--json", "--no-save", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> search = step(r.out(), "search");
        List<Map<String, Object>> trials = (List<Map<String, Object>>) details(search).get("trial_scores");
        assertEquals(4, trials.size());
        for (Map<String, Object> t : trials) {
            double units = (Double) ((Map<String, Object>) t.get("params")).get("student.dense[0]");
            // 4 inputs -> units -> 3 classes; ReLU units all have non-zero weights after training.
            assertEquals(4 * units + units + units * 3 + 3, (Double) t.get("mean_params"), 1e-9, t.toString());
        }
        Map<String, Object> best = (Map<String, Object>) details(search).get("best_params");
        double units = (Double) best.get("student.dense[0]");
        assertEquals(4 * units + units + units * 3 + 3, (Double) metrics(step(r.out(), "evaluate")).get("params"), 1e-9);
    }

    @Test
    void aParallelMultiObjectiveSearchGivesTheSameDocument() {
        CliRunner one = CliRunner.run("run", RESOURCES + "prune_search.mlopt", "--json", "--no-save", "--quiet");
        CliRunner two = CliRunner.run("run", RESOURCES + "prune_search.mlopt", "--json", "--no-save", "--quiet",
                "--threads", "2", "--set", "search.net.parallel=2");
        assertEquals(0, two.exitCode(), two.err());
        assertEquals(one.out(), two.out());
    }
}
