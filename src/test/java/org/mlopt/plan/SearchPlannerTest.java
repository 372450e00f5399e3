package org.mlopt.plan;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlopt.plan.PlanTestSupport.onlyGroup;
import static org.mlopt.plan.PlanTestSupport.plan;
import static org.mlopt.plan.PlanTestSupport.planResource;
import static org.mlopt.plan.PlanTestSupport.steps;

class SearchPlannerTest {

    @Test
    void tutorialGridIsTwelveCandidatesTimesFiveFoldsPlusRefit() {
        ExecutionGraph g = planResource("tutorial_grid.mlopt");
        SearchSummary s = onlyGroup(g).summary();
        assertEquals("grid", s.strategy());
        assertEquals(12, s.candidates());
        assertEquals(5, s.folds());
        assertEquals(60, s.fits());
        assertEquals(1, s.refits());
        assertEquals(60, steps(g, StepKind.FIT).size());
        assertEquals(1, steps(g, StepKind.REFIT).size());
        assertEquals(1, steps(g, StepKind.SEARCH).size());
        assertTrue(PlanText.render(g).contains("12 candidates x 5 folds = 60 fits + 1 refit"));
        // scikit-learn 1.2.1 ParameterGrid({'C': [...], 'penalty': ['l1', 'l2']}) starts
        // {C: 0.001, penalty: l1}, {C: 0.001, penalty: l2}, {C: 0.01, penalty: l1}.
        assertEquals(Map.of("C", "0.001", "penalty", "l1"), s.grid().get(0));
        assertEquals(Map.of("C", "0.001", "penalty", "l2"), s.grid().get(1));
        assertEquals(Map.of("C", "0.01", "penalty", "l1"), s.grid().get(2));
        assertEquals(Map.of("C", "100", "penalty", "l2"), s.grid().get(11));
    }

    @Test
    void fitsCarryTheirCandidateFoldAndSeedAndTheRefitReadsTheResult() {
        ExecutionGraph g = planResource("tutorial_grid.mlopt");
        List<Step> fits = steps(g, StepKind.FIT);
        Step first = fits.get(0);
        assertEquals("0.001", first.settings().get("param.C"));
        assertEquals("l1", first.settings().get("param.penalty"));
        assertEquals("1/5", first.settings().get("fold"));
        assertEquals("5-fold stratified", first.settings().get("cv"));
        Set<Long> seeds = new HashSet<>();
        for (Step f : fits) seeds.add(f.seed().orElseThrow());
        assertEquals(60, seeds.size());
        Step select = steps(g, StepKind.SEARCH).get(0);
        assertEquals(60, select.inputs().size());
        Step refit = steps(g, StepKind.REFIT).get(0);
        assertTrue(refit.inputs().containsAll(select.outputs()));
        Step evaluate = steps(g, StepKind.EVALUATE).get(0);
        assertTrue(evaluate.inputs().containsAll(refit.outputs()), "evaluate reads the refitted model");
        assertEquals(31, first.attributes().parameters());
        for (Step s : g.steps()) if (s.group() != null) assertEquals("s5", s.group());
    }

    @Test
    void randomSearchIsTwentyTrialsTimesThreeFoldsPlusRefit() {
        ExecutionGraph g = planResource("random_network.mlopt");
        SearchSummary s = onlyGroup(g).summary();
        assertEquals("random", s.strategy());
        assertEquals(20, s.candidates());
        assertEquals(3, s.folds());
        assertEquals(60, s.fits());
        assertEquals(1, s.refits());
        assertEquals(60, steps(g, StepKind.FIT).size());
        assertTrue(PlanText.render(g).contains("20 trials x 3 folds = 60 fits + 1 refit"));
        // The strategy's own seed is the sampler seed, kept as written.
        assertEquals("0", steps(g, StepKind.FIT).get(0).settings().get("sampler.seed"));
        assertEquals("7", steps(g, StepKind.FIT).get(18).settings().get("trial"));
        // `parallel` changes how fast, not what: it stays out of the settings a cache keys on.
        assertFalse(steps(g, StepKind.FIT).get(0).settings().containsKey("search.parallel"));
    }

    @Test
    void foldsTrainOnKFoldRowCounts() {
        // scikit-learn 1.2.1: KFold(5) on 426 rows gives test folds of 86, 85, 85, 85, 85 rows,
        // so the folds train on 340, 341, 341, 341, 341 rows.
        ExecutionGraph g = planResource("tutorial_grid.mlopt");
        List<Integer> rows = steps(g, StepKind.FIT).subList(0, 5).stream().map(s -> s.attributes().shape().rows()).toList();
        assertEquals(List.of(340, 341, 341, 341, 341), rows);
        assertEquals(426, steps(g, StepKind.REFIT).get(0).attributes().shape().rows());
        // holdout(0.2) on 450 rows keeps 90 out.
        assertEquals(360, planResource("halving.mlopt").step("s5.r1.c1.f1").orElseThrow().attributes().shape().rows());
    }

    @Test
    void conditionalGridEnumeratesTheConditionalKeyOnlyWhereActive() {
        ExecutionGraph g = planResource("conditional_grid.mlopt");
        SearchSummary s = onlyGroup(g).summary();
        assertEquals(List.of(Map.of("penalty", "l1"), Map.of("penalty", "l2"),
                Map.of("penalty", "elastic_net", "l1_ratio", "0.2"), Map.of("penalty", "elastic_net", "l1_ratio", "0.8")), s.grid());
        assertEquals(4, s.candidates());
        assertEquals(4 * 4, s.fits());
    }

    @Test
    void conditionsMayNameAListOfValuesAndOtherConditionalKeys() {
        List<SpaceKey> space = List.of(
                SpaceKey.of("C", list("1", "10")),
                SpaceKey.of("penalty", list("l1", "l2", "elastic_net")),
                SpaceKey.of("l1_ratio", when("penalty", "elastic_net", list("0.2", "0.8"))));
        // 2 C x (l1 + l2 + elastic_net x 2) = 8
        assertEquals(8, GridEnumerator.count(space));
        List<SpaceKey> nested = List.of(
                SpaceKey.of("solver", list("saga", "lbfgs")),
                SpaceKey.of("tol", when("l1_ratio", "0.5", list("1e-3", "1e-4"))),
                SpaceKey.of("l1_ratio", when("solver", "saga", list("0.5", "0.9"))));
        // saga: l1_ratio 0.5 (x2 tol) + l1_ratio 0.9 = 3; lbfgs: 1 -> 4
        List<Map<String, String>> grid = GridEnumerator.enumerate(nested);
        assertEquals(4, grid.size());
        assertEquals(List.of("solver", "tol", "l1_ratio"), List.copyOf(grid.get(0).keySet()), "declaration order");
    }

    @Test
    void gridRejectsContinuousPrimitivesAndEnumeratesQuniform() {
        assertThrows(IllegalArgumentException.class, () -> GridEnumerator.enumerate(List.of(
                SpaceKey.of("C", call("loguniform", "0.001", "10")))));
        assertEquals(5, GridEnumerator.count(List.of(SpaceKey.of("k", call("quniform", "2", "10", "2")))));
    }

    @Test
    void halvingPlansRungsWithPromotionsBetweenThem() {
        ExecutionGraph g = planResource("halving.mlopt");
        SearchSummary s = onlyGroup(g).summary();
        assertEquals(List.of(27, 9, 3, 1), s.rungs().stream().map(Rung::configs).toList());
        assertEquals(List.of(1.0, 3.0, 9.0, 27.0), s.rungs().stream().map(Rung::resource).toList());
        assertEquals("epochs", s.resource());
        assertEquals(40, s.fits(), "holdout: one fit per configuration and rung");
        assertEquals(40, steps(g, StepKind.FIT).size());
        List<Step> promotions = steps(g, StepKind.PROMOTE);
        assertEquals(3, promotions.size());
        assertEquals(27, promotions.get(0).inputs().size());
        Step rung2 = g.step("s5.r2.c1.f1").orElseThrow();
        assertTrue(rung2.inputs().containsAll(promotions.get(0).outputs()), "rung 2 reads rung 1's survivors");
        // The first rung runs the grid's candidates in order; later rungs run survivors, costed at the space's mean.
        Step first = g.step("s5.r1.c1.f1").orElseThrow();
        assertEquals("16", first.settings().get("param.mlp.dense[0]"));
        assertEquals(8 * 16 + 16 + 16 * 3 + 3, first.attributes().parameters());
        assertFalse(rung2.settings().containsKey("param.mlp.dense[0]"));
        // Cost grows with the resource: rung 3 trains 9 epochs, rung 2 three.
        double r2 = rung2.attributes().flops();
        assertEquals(3 * r2, g.step("s5.r3.c1.f1").orElseThrow().attributes().flops(), 1e-6 * r2);
    }

    @Test
    void hyperbandPlansEveryBracket() {
        ExecutionGraph g = plan("""
                data d = blobs(samples: 300, features: 4, centers: 3, seed: 0)
                network n {
                  dense(16, relu)
                  dense(3)
                }
                search n on d {
                  space { n.dense[0]: choice(8, 16, 32) }
                  strategy: hyperband(factor: 3, max_resource: 27)
                  cv: 2
                }
                """);
        SearchSummary s = onlyGroup(g).summary();
        // R = 27, eta = 3: brackets 27/9/3/1, 12/4/1, 6/2, 4 (Li et al. 2018, Algorithm 1).
        assertEquals(List.of(27, 9, 3, 1, 12, 4, 1, 6, 2, 4), s.rungs().stream().map(Rung::configs).toList());
        assertEquals(27 + 12 + 6 + 4, s.candidates());
        int runs = 27 + 9 + 3 + 1 + 12 + 4 + 1 + 6 + 2 + 4;
        assertEquals(runs * 2, s.fits());
        assertEquals(runs * 2, steps(g, StepKind.FIT).size());
        // The selection reads the last rung of every bracket: (1 + 1 + 2 + 4) configurations x 2 folds.
        assertEquals((1 + 1 + 2 + 4) * 2, steps(g, StepKind.SEARCH).get(0).inputs().size());
        assertTrue(steps(g, StepKind.SEARCH).get(0).inputs().contains("s3.b4.r1.c4.f2.scores"));
    }

    @Test
    void tpeTrialsAfterStartupReadThePreviousTrial() {
        ExecutionGraph g = plan("""
                data d = synthetic_regression(samples: 200, features: 5, seed: 0)
                model r = ridge()
                search r on d {
                  space { alpha: loguniform(0.001, 10) }
                  strategy: tpe(trials: 6, startup: 3, seed: 4)
                  cv: 2
                }
                """);
        Step startup = g.step("s3.t3.f1").orElseThrow();
        assertEquals(1, startup.inputs().size());
        Step guided = g.step("s3.t4.f2").orElseThrow();
        assertTrue(guided.inputs().containsAll(List.of("s3.t3.f1.scores", "s3.t3.f2.scores")));
        assertEquals("4", guided.settings().get("sampler.seed"));
    }

    @Test
    void moreThanAThousandFitsWarns() {
        ExecutionGraph g = plan("""
                data d = synthetic_classification(samples: 500, features: 10, classes: 2, seed: 0)
                model m = logistic_regression()
                search m on d {
                  space {
                    C: [0.01, 0.1, 1, 10, 100, 1000]
                    tol: [1e-4, 1e-3, 1e-2, 1e-5, 1e-6, 1e-7]
                    max_iter: [50, 100, 200, 300, 400, 500]
                  }
                  cv: 5
                }
                """);
        assertEquals(216 * 5, onlyGroup(g).summary().fits());
        assertEquals(1, g.warnings().size());
        assertTrue(g.warnings().get(0).contains("1,080 fits (more than 1,000)"), g.warnings().get(0));
        assertTrue(PlanText.render(g).contains("warnings:\n  - s3: search m on d runs 1,080 fits"));
        // max_iter in the space changes each candidate's cost.
        List<Step> fits = steps(g, StepKind.FIT);
        Step it50 = fits.stream().filter(f -> f.settings().get("param.max_iter").equals("50")).findFirst().orElseThrow();
        Step it500 = fits.stream().filter(f -> f.settings().get("param.max_iter").equals("500")).findFirst().orElseThrow();
        assertEquals(10 * it50.attributes().flops(), it500.attributes().flops(), 1e-6 * it500.attributes().flops());
    }

    @Test
    void networkWidthInTheSpaceChangesParameterCounts() {
        ExecutionGraph g = plan("""
                data d = synthetic_classification(samples: 100, features: 10, classes: 3, seed: 0)
                network n {
                  dense(16, relu)
                  dense(3)
                }
                train n on d { loss: cross_entropy() optimizer: adam() epochs: 2 }
                search n on d {
                  space { n.dense[0]: [4, 8] }
                  cv: 2
                }
                """);
        List<Step> fits = steps(g, StepKind.FIT);
        assertEquals(10 * 4 + 4 + 4 * 3 + 3, fits.get(0).attributes().parameters());
        assertEquals(10 * 8 + 8 + 8 * 3 + 3, fits.get(2).attributes().parameters());
    }

    @Test
    void longPlansWarnAboutTheirTime() {
        ExecutionGraph g = plan("""
                data d = synthetic_classification(samples: 100000, features: 1000, classes: 10, seed: 0)
                network n {
                  dense(2048, relu)
                  dense(10)
                }
                train n on d { loss: cross_entropy() optimizer: adam() epochs: 100 }
                """);
        // 3 * 2 * (1000*2048 + 2048*10) * 100000 * 100 = 1.24e14 FLOP: about 7 hours at 5 GFLOP/s.
        assertEquals(1.241088e14, g.totalFlops(), 1e6);
        assertEquals(TimeClass.HOURS, TimeClass.of(g.totalFlops()));
        assertTrue(g.warnings().stream().anyMatch(w -> w.contains("hours of computation")), g.warnings().toString());
    }

    @Test
    void halvingWithoutAKnownMaximumWarns() {
        ExecutionGraph g = plan("""
                data d = moons(samples: 300, noise: 0.2, seed: 0)
                network n {
                  dense(8, relu)
                  dense(2)
                }
                search n on d {
                  space { n.dense[0]: [4, 8, 16] }
                  strategy: halving(factor: 3)
                  cv: 2
                }
                """);
        assertTrue(g.warnings().get(0).contains("maximum epochs per configuration is unknown"), g.warnings().toString());
        // Three candidates need two rungs: 3 at 1 epoch, 1 at 3 epochs.
        assertEquals(List.of(3, 1), onlyGroup(g).summary().rungs().stream().map(Rung::configs).toList());
    }

    @Test
    void shuffledFoldsShareOneSeedAcrossConfigurations() {
        String script = """
                data d = synthetic_regression(samples: 100, features: 3, seed: 0)
                model r = ridge()
                search r on d {
                  space { alpha: [0.1, 1] }
                  cv: CV
                }
                """;
        List<Step> fits = steps(plan(script.replace("CV", "kfold(3, shuffle: true)")), StepKind.FIT);
        String seed = fits.get(0).settings().get("cv.seed");
        assertTrue(seed != null && fits.stream().allMatch(f -> seed.equals(f.settings().get("cv.seed"))));
        assertEquals("11", steps(plan(script.replace("CV", "kfold(3, shuffle: true, seed: 11)")), StepKind.FIT).get(5).settings().get("cv.seed"));
        assertFalse(steps(plan(script.replace("CV", "kfold(3)")), StepKind.FIT).get(0).settings().containsKey("cv.seed"));
        // Sampled trials key on the space they are drawn from.
        String random = script.replace("[0.1, 1]", "loguniform(0.01, 1)").replace("cv: CV", "cv: 2 strategy: random(trials: 2)");
        assertEquals("alpha: loguniform(0.01, 1)", steps(plan(random), StepKind.FIT).get(0).settings().get("sampler.space"));
    }

    @Test
    void searchWithoutRefitProducesNoModel() {
        String script = """
                data d = synthetic_regression(samples: 100, features: 3, seed: 0)
                model r = ridge()
                search r on d {
                  space { alpha: [0.1, 1] }
                  cv: 2
                  refit: false
                }
                """;
        ExecutionGraph g = plan(script);
        assertEquals(0, steps(g, StepKind.REFIT).size());
        assertEquals(0, onlyGroup(g).summary().refits());
        assertTrue(PlanText.render(g).contains("2 candidates x 2 folds = 4 fits\n"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plan(script + "evaluate r on d: [r2]\n"));
        assertTrue(e.getMessage().startsWith("statement 4 (line 8) uses r, which no earlier statement produces"), e.getMessage());
    }

    private static org.mlopt.ast.Expr list(String... items) {
        return parseValue("[" + String.join(", ", items) + "]");
    }

    private static org.mlopt.ast.Expr when(String key, String value, org.mlopt.ast.Expr space) {
        return parseValue("when(" + key + ": " + value + ", " + ExprText.of(space) + ")");
    }

    private static org.mlopt.ast.Expr call(String name, String... args) {
        return parseValue(name + "(" + String.join(", ", args) + ")");
    }

    /** Parses a value through a throwaway search statement, so tests build real AST values. */
    private static org.mlopt.ast.Expr parseValue(String value) {
        var parsed = org.mlopt.parse.ScriptParser.parse("v.mlopt", "report { v: " + value + " }");
        assertTrue(parsed.ok(), parsed.diagnostics().toString());
        var report = (org.mlopt.ast.Statement.Report) parsed.program().statements().get(0);
        return report.options().orElseThrow().get("v").orElseThrow().value();
    }
}
