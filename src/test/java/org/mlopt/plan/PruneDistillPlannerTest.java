package org.mlopt.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlopt.plan.PlanTestSupport.plan;
import static org.mlopt.plan.PlanTestSupport.planResource;
import static org.mlopt.plan.PlanTestSupport.steps;

class PruneDistillPlannerTest {

    private static final String NET = """
            data d = synthetic_classification(samples: 1000, features: 20, classes: 4, seed: 0)
            network n {
              dense(64, relu)
              dense(32, relu)
              dense(4)
            }
            train n on d { loss: cross_entropy() optimizer: adam() epochs: 10 }
            """;

    private static List<Double> sparsities(ExecutionGraph g) {
        return steps(g, StepKind.PRUNE).stream().map(s -> Double.parseDouble(s.settings().get("sparsity"))).toList();
    }

    @Test
    void oneShotIsOnePruneAndOneFinetune() {
        ExecutionGraph g = plan(NET + "prune n on d { method: magnitude(sparsity: 0.9) finetune: { epochs: 3 } }");
        assertEquals(List.of(0.9), sparsities(g));
        List<Step> finetunes = steps(g, StepKind.FINETUNE);
        assertEquals(1, finetunes.size());
        assertEquals("3", finetunes.get(0).settings().get("epochs"));
        assertTrue(finetunes.get(0).inputs().containsAll(steps(g, StepKind.PRUNE).get(0).outputs()));
    }

    @Test
    void iterativeRemovesTheSameShareOfTheRemainingWeightsEachStep() {
        ExecutionGraph g = plan(NET + "prune n on d { method: magnitude(sparsity: 0.875) schedule: iterative(steps: 3) finetune: { epochs: 1 } }");
        // 1 - (1 - 0.875)^(i/3) = 0.5, 0.75, 0.875: each step halves what is left.
        List<Double> s = sparsities(g);
        assertEquals(3, s.size());
        assertEquals(0.5, s.get(0), 1e-12);
        assertEquals(0.75, s.get(1), 1e-12);
        assertEquals(0.875, s.get(2), 1e-12);
        List<StepKind> order = g.steps().stream().filter(x -> x.statement() == 3).map(Step::kind).toList();
        assertEquals(List.of(StepKind.PRUNE, StepKind.FINETUNE, StepKind.PRUNE, StepKind.FINETUNE, StepKind.PRUNE, StepKind.FINETUNE), order);
        // Each finetune has its own seed (phase).
        assertEquals(3, steps(g, StepKind.FINETUNE).stream().map(x -> x.seed().orElseThrow()).distinct().count());
    }

    @Test
    void gradualFollowsTheCubicScheduleWithAnEpochAfterEachPhase() {
        ExecutionGraph g = plan(NET + "prune n on d { method: magnitude(sparsity: 0.8) schedule: gradual(epochs: 4, power: 3, initial: 0.0) finetune: { epochs: 2 } }");
        // Zhu & Gupta (2017): s_t = s_f + (s_i - s_f)(1 - t/n)^3 with s_i = 0, s_f = 0.8, n = 4.
        List<Double> s = sparsities(g);
        assertEquals(List.of(0.4625, 0.7, 0.7875, 0.8), s.stream().map(v -> Math.round(v * 1e6) / 1e6).toList());
        List<Step> finetunes = steps(g, StepKind.FINETUNE);
        assertEquals(5, finetunes.size(), "one epoch after each of 4 phases, then the finetune block");
        assertEquals(List.of("1", "1", "1", "1", "2"), finetunes.stream().map(f -> f.settings().get("epochs")).toList());
    }

    @Test
    void neuronPruningShrinksHiddenLayersButNotTheOutput() {
        ExecutionGraph g = plan(NET + "prune n on d { method: neurons(sparsity: 0.5) finetune: { epochs: 1 } }");
        // 20 -> 32 -> 16 -> 4 after removing half of each hidden layer.
        long expected = 20 * 32 + 32 + 32 * 16 + 16 + 16 * 4 + 4;
        assertEquals(expected, steps(g, StepKind.PRUNE).get(0).attributes().parameters());
        assertEquals(expected, steps(g, StepKind.FINETUNE).get(0).attributes().parameters());
        assertEquals(List.of(1, 1, 4), PrunePlanner.keptUnits(List.of(2, 1, 4), 0.9), "at least one unit is kept");
    }

    @Test
    void pruneWithoutDataOnlyPrunes() {
        ExecutionGraph g = plan(NET + "prune n { method: magnitude(sparsity: 0.5) schedule: iterative(steps: 2) }");
        assertEquals(2, steps(g, StepKind.PRUNE).size());
        assertEquals(0, steps(g, StepKind.FINETUNE).size());
    }

    @Test
    void distillComputesTeacherOutputsOnceAndTrainsABaselineWithTheSameSeed() {
        ExecutionGraph g = planResource("prune_distill.mlopt");
        List<Step> teacher = steps(g, StepKind.TEACHER_OUTPUTS);
        assertEquals(1, teacher.size());
        Step distill = steps(g, StepKind.DISTILL).get(0);
        Step baseline = steps(g, StepKind.BASELINE).get(0);
        assertTrue(distill.inputs().containsAll(teacher.get(0).outputs()));
        assertTrue(baseline.inputs().stream().noneMatch(teacher.get(0).outputs()::contains), "the baseline never sees the teacher");
        assertEquals(7L, distill.seed().orElseThrow(), "the statement's own seed wins");
        assertEquals(distill.seed(), baseline.seed());
        assertEquals(32 * 64 + 32 + 32 * 10 + 10, distill.attributes().parameters());
        assertEquals("40", distill.attributes().details().get("epochs"));
        // Evaluating the student afterwards reads the distilled model, not the baseline.
        Step evalStudent = g.step("s12.student").orElseThrow();
        assertTrue(evalStudent.inputs().containsAll(distill.outputs()));
    }

    @Test
    void distillWithoutBaselinePlansNoBaseline() {
        ExecutionGraph g = plan(NET + """
                network s {
                  dense(8, relu)
                  dense(4)
                }
                distill n -> s on d { temperature: 2.0 alpha: 0.5 epochs: 5 }
                """);
        assertEquals(0, steps(g, StepKind.BASELINE).size());
        assertEquals(1, steps(g, StepKind.DISTILL).size());
        assertEquals(3.0 * 2 * (20 * 8 + 8 * 4) * 1000 * 5, steps(g, StepKind.DISTILL).get(0).attributes().flops());
    }

    @Test
    void distillOverSeveralSeedsFitsOneStudentAndOneBaselinePerSeed() {
        ExecutionGraph g = plan(NET + """
                network s {
                  dense(8, relu)
                  dense(4)
                }
                distill n -> s on d { epochs: 5 baseline: true seeds: 3 }
                """);
        Step distill = steps(g, StepKind.DISTILL).get(0);
        Step baseline = steps(g, StepKind.BASELINE).get(0);
        assertEquals(3, distill.attributes().fits());
        assertEquals(3, baseline.attributes().fits());
        assertEquals("3", distill.attributes().details().get("seeds"));
        assertEquals(3 * 3.0 * 2 * (20 * 8 + 8 * 4) * 1000 * 5, distill.attributes().flops());
    }

    @Test
    void prunePhasesReadTheDataTheyMeasureAccuracyOn() {
        ExecutionGraph g = plan(NET + "prune n on d { method: magnitude(sparsity: 0.5) }");
        Step prune = steps(g, StepKind.PRUNE).get(0);
        assertEquals(2, prune.inputs().size());
        assertTrue(prune.inputs().get(1).startsWith("d"), prune.inputs().toString());
    }
}
