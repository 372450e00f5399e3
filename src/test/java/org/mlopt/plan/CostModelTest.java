package org.mlopt.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CostModelTest {

    // PyTorch 1.13: sum(p.numel()) of Sequential(Linear(64,32), ReLU, Linear(32,10)) = 2410,
    // and of Linear(64,256), Linear(256,128), Linear(128,10) = 50826.
    @Test
    void networkParametersMatchPyTorch() {
        assertEquals(2410, CostModel.networkParameters(64, List.of(32, 10)));
        assertEquals(50826, CostModel.networkParameters(64, List.of(256, 128, 10)));
        assertEquals(-1, CostModel.networkParameters(-1, List.of(32, 10)));
    }

    @Test
    void forwardIsTwoFlopsPerWeightAndTrainingThreeForwards() {
        assertEquals(2.0 * (64 * 32 + 32 * 10), CostModel.networkForward(64, List.of(32, 10)));
        assertEquals(3 * 2.0 * (64 * 32 + 32 * 10) * 1000 * 5, CostModel.networkTraining(64, List.of(32, 10), 1000, 5));
    }

    // scikit-learn 1.2.1: LogisticRegression on iris has coef_ 3x4 + 3 intercepts = 15 values;
    // on breast_cancer (binary) 1x30 + 1 = 31.
    @Test
    void linearParametersMatchScikitLearn() {
        assertEquals(15, CostModel.linearParameters(4, CostModel.linearOutputs(false, 3), true));
        assertEquals(31, CostModel.linearParameters(30, CostModel.linearOutputs(false, 2), true));
        assertEquals(10, CostModel.linearParameters(10, CostModel.linearOutputs(true, 0), false));
    }

    @Test
    void linearFitFormulas() {
        assertEquals(2.0 * 100 * 10 * 10 + 2.0 * 100 * 10 + 1000, CostModel.linearFit(CostModel.LinearSolver.CLOSED_FORM, 100, 10, 1, 1));
        assertEquals(6.0 * 100 * 10 * 3 * 50, CostModel.linearFit(CostModel.LinearSolver.GRADIENT_DESCENT, 100, 10, 3, 50));
        assertEquals(4.0 * 100 * 10 * 1000, CostModel.linearFit(CostModel.LinearSolver.COORDINATE_DESCENT, 100, 10, 1, 1000));
        assertEquals(-1, CostModel.linearFit(CostModel.LinearSolver.CLOSED_FORM, -1, 10, 1, 1));
    }

    @Test
    void timeClassesFollowTheAssumedRate() {
        assertEquals(TimeClass.INSTANT, TimeClass.of(1e8));
        assertEquals(TimeClass.SECONDS, TimeClass.of(1e10));
        assertEquals(TimeClass.MINUTES, TimeClass.of(1e12));
        assertEquals(TimeClass.HOURS, TimeClass.of(1e14));
        assertEquals(TimeClass.DAYS, TimeClass.of(1e16));
    }

    @Test
    void planAttributesUseTheCostModel() {
        ExecutionGraph g = Planner.plan(CheckedFixture.check("n.mlopt", """
                data d = synthetic_classification(samples: 1000, features: 64, classes: 10, seed: 0)
                network n {
                  dense(32, relu)
                  dropout(0.1)
                  dense(10)
                }
                train n on d { loss: cross_entropy() optimizer: adam() epochs: 5 }
                evaluate n on d: [accuracy]
                """));
        Step train = g.steps().stream().filter(s -> s.kind() == StepKind.TRAIN).findFirst().orElseThrow();
        assertEquals(2410, train.attributes().parameters());
        assertEquals(3 * 2.0 * (64 * 32 + 32 * 10) * 1000 * 5, train.attributes().flops());
        assertEquals(new Shape(1000, 64), train.attributes().shape());
        Step eval = g.steps().stream().filter(s -> s.kind() == StepKind.EVALUATE).findFirst().orElseThrow();
        assertEquals(2.0 * (64 * 32 + 32 * 10) * 1000, eval.attributes().flops());
    }
}
