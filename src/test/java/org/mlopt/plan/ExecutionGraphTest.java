package org.mlopt.plan;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlopt.plan.PlanTestSupport.plan;
import static org.mlopt.plan.PlanTestSupport.planResource;

class ExecutionGraphTest {

    private static Step step(String id, List<String> in, List<String> out) {
        return Step.of(id, StepKind.TRAIN, id, in, out, 0, null, null, OptionalLong.empty(), Map.of(), null);
    }

    private static Artifact artifact(String id, boolean external) {
        return new Artifact(id, ArtifactKind.DATASET, id, Shape.UNKNOWN, external);
    }

    @Test
    void rejectsReadingBeforeWriting() {
        List<Step> steps = List.of(step("b", List.of("x"), List.of("y")), step("a", List.of(), List.of("x")));
        assertThrows(IllegalArgumentException.class, () ->
                new ExecutionGraph("t", 0, steps, List.of(artifact("x", false), artifact("y", false)), List.of(), List.of()));
    }

    @Test
    void rejectsUndeclaredAndTwiceWrittenArtifacts() {
        assertThrows(IllegalArgumentException.class, () ->
                new ExecutionGraph("t", 0, List.of(step("a", List.of("nope"), List.of())), List.of(), List.of(), List.of()));
        List<Step> twice = List.of(step("a", List.of(), List.of("x")), step("b", List.of(), List.of("x")));
        assertThrows(IllegalArgumentException.class, () ->
                new ExecutionGraph("t", 0, twice, List.of(artifact("x", false)), List.of(), List.of()));
    }

    @Test
    void plannedGraphsAreTopologicallyOrdered() {
        for (String script : List.of("tutorial_grid.mlopt", "random_network.mlopt", "conditional_grid.mlopt", "halving.mlopt",
                "prune_distill.mlopt")) {
            ExecutionGraph g = planResource(script);
            Set<String> available = new HashSet<>();
            g.artifacts().values().stream().filter(Artifact::external).forEach(a -> available.add(a.id()));
            for (Step s : g.steps()) {
                assertTrue(available.containsAll(s.inputs()), script + ": " + s.id() + " reads " + s.inputs());
                available.addAll(s.outputs());
            }
        }
    }

    private static final String SCRIPT = """
            data d = synthetic_regression(samples: 500, features: 8, seed: 0)
            split d -> train: 0.8, test: 0.2 { seed: SEED }
            model r = ridge(alpha: ALPHA)
            train r on train
            evaluate r on test: [r2]
            """;

    private static String fingerprint(String seed, String alpha, String stepId) {
        ExecutionGraph g = plan(SCRIPT.replace("SEED", seed).replace("ALPHA", alpha));
        return g.fingerprint(stepId);
    }

    @Test
    void fingerprintsFollowSettingsAndUpstreamChanges() {
        assertEquals(fingerprint("0", "1.0", "s4"), fingerprint("0", "1.0", "s4"), "same script, same keys");
        // Changing the split seed changes the split and everything after it, not the data load.
        assertEquals(fingerprint("0", "1.0", "s1"), fingerprint("1", "1.0", "s1"));
        assertNotEquals(fingerprint("0", "1.0", "s2"), fingerprint("1", "1.0", "s2"));
        assertNotEquals(fingerprint("0", "1.0", "s5.r"), fingerprint("1", "1.0", "s5.r"));
        // Changing the model changes training and evaluation, not the split.
        assertEquals(fingerprint("0", "1.0", "s2"), fingerprint("0", "2.0", "s2"));
        assertNotEquals(fingerprint("0", "1.0", "s4"), fingerprint("0", "2.0", "s4"));
        assertNotEquals(fingerprint("0", "1.0", "s5.r"), fingerprint("0", "2.0", "s5.r"));
    }

    @Test
    void twoPartSplitsFollowTrainTestSplitRounding() {
        // scikit-learn 1.2.1: train_test_split(X, y, test_size=0.25) on breast_cancer (569 rows) gives 426 / 143;
        // on iris (150 rows) with test_size=0.3, 105 / 45.
        ExecutionGraph g = planResource("tutorial_grid.mlopt");
        assertEquals(426, g.artifact("train").shape().rows());
        assertEquals(143, g.artifact("test").shape().rows());
        ExecutionGraph iris = plan("""
                data iris = csv("data/iris.csv")
                split iris -> test: 0.3, train: 0.7
                """);
        assertEquals(45, iris.artifact("test").shape().rows());
        assertEquals(105, iris.artifact("train").shape().rows());
    }

    @Test
    void loadAfterSaveOfTheSamePathDependsOnTheSave() {
        ExecutionGraph g = planResource("prune_distill.mlopt");
        Step load = g.steps().stream().filter(s -> s.kind() == StepKind.LOAD_MODEL).findFirst().orElseThrow();
        assertEquals(StepKind.SAVE, g.producer(load.inputs().get(0)).orElseThrow().kind());
    }

    @Test
    void totalsAddUpTheSteps() {
        ExecutionGraph g = planResource("tutorial_grid.mlopt");
        assertEquals(61, g.totalFits());
        double sum = g.steps().stream().mapToDouble(s -> Math.max(0, s.attributes().flops())).sum();
        assertEquals(sum, g.totalFlops());
        assertTrue(g.consumers(g.step("s1").orElseThrow()).contains(g.step("s2").orElseThrow()));
    }
}
