package org.mlopt.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulerTest {

    /** Score peaks at x = 13; more resource raises every score by the same amount, so ranks never change. */
    private static final Objective PEAK = (config, fold, resource, seed, reporter) ->
            Map.of("accuracy", 1 - Math.abs(config.number("x") - 13) / 30 - 1 / resource.amount());

    @Test
    void halvingPromotesTheBestThirdEachRung() {
        List<Object> xs = new ArrayList<>();
        for (int i = 0; i < 27; i++) xs.add((double) i);
        SearchSpace space = SearchSpace.of(Dimension.of("x", new Domain.GridValues(xs)));
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        Objective recording = (config, fold, resource, seed, reporter) -> {
            calls.add(resource.toString());
            return PEAK.fit(config, fold, resource, seed, reporter);
        };
        SearchResult r = SearchRunner.builder(new GridSampler(space), recording).folds(2).parallel(2)
                .scheduler(new Scheduler.SuccessiveHalving("epochs", 3, 1, 9, 0)).build().run();
        // HalvingGridSearchCV rules: 27 candidates at 1 epoch, the best 9 at 3, the best 3 at 9.
        Map<Double, List<TrialResult>> byResource = r.trials().stream()
                .collect(Collectors.groupingBy(t -> t.resource().amount()));
        assertEquals(27, byResource.get(1.0).size());
        assertEquals(List.of(9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0),
                byResource.get(3.0).stream().map(t -> t.config().number("x")).toList());
        assertEquals(List.of(12.0, 13.0, 14.0), byResource.get(9.0).stream().map(t -> t.config().number("x")).toList());
        assertEquals(2 * (27 + 9 + 3), calls.size());
        assertEquals(13.0, r.bestConfig().orElseThrow().number("x"));
        assertEquals(9.0, r.best().orElseThrow().resource().amount());
        assertEquals(1 - 1 / 9.0, r.bestScore(), 1e-12);
    }

    @Test
    void hyperbandRunsLiEtAlBracketsAndPicksFromFullBudget() {
        SearchSpace space = SearchSpace.of(Dimension.of("x", new Domain.Uniform(0, 26)));
        SearchResult r = SearchRunner.builder(new RandomSampler(space, 1, 4), PEAK).folds(1).parallel(2)
                .scheduler(new Scheduler.Hyperband("epochs", 3, 1, 9)).build().run();
        // Li et al. (2018), R = 9, eta = 3: bracket s=2 runs 9 @1, 3 @3, 1 @9; s=1 runs 5 @3, 1 @9; s=0 runs 3 @9.
        List<String> shape = r.trials().stream().map(t -> t.bracket() + "/" + t.rung() + "@" + t.resource().units()).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 9; i++) expected.add("0/0@1");
        for (int i = 0; i < 3; i++) expected.add("0/1@3");
        expected.add("0/2@9");
        for (int i = 0; i < 5; i++) expected.add("1/0@3");
        expected.add("1/1@9");
        for (int i = 0; i < 3; i++) expected.add("2/0@9");
        assertEquals(expected, shape);
        TrialResult best = r.best().orElseThrow();
        assertEquals(9, best.resource().units());
        for (TrialResult t : r.trials())
            if (t.resource().units() == 9) assertTrue(t.mean("accuracy") <= best.mean("accuracy"));
        // Promotion keeps the closest to the peak: bracket 0's rung-1 configs are its 3 best rung-0 configs.
        List<TrialResult> rung0 = r.trials().subList(0, 9).stream()
                .sorted((a, b) -> Double.compare(b.mean("accuracy"), a.mean("accuracy"))).toList();
        assertEquals(rung0.subList(0, 3).stream().map(TrialResult::config).collect(Collectors.toSet()),
                r.trials().subList(9, 12).stream().map(TrialResult::config).collect(Collectors.toSet()));
    }

    @Test
    void medianRuleStopsAClearlyBadTrial() {
        // Trials report q * (1 - 0.5^(step+1)) for 10 steps; q = 0.1 is far below the others.
        SearchSpace space = SearchSpace.of(Dimension.of("q", new Domain.GridValues(List.of(0.9, 0.8, 0.85, 0.88, 0.1, 0.87))));
        Objective curves = (config, fold, resource, seed, reporter) -> {
            double score = 0;
            for (int step = 0; step < 10; step++) {
                score = config.number("q") * (1 - Math.pow(0.5, step + 1));
                if (reporter.report(step, score)) break;
            }
            return Map.of("accuracy", score);
        };
        SearchResult r = SearchRunner.builder(new GridSampler(space), curves).folds(2).parallel(1).threads(2)
                .medianStop(new MedianStoppingRule(2, 3)).build().run();
        List<TrialState> states = r.trials().stream().map(TrialResult::state).toList();
        assertEquals(List.of(TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE,
                TrialState.PRUNED, TrialState.COMPLETE), states);
        // Stopped at the first step after warmup (steps 0, 1, 2 reported), on every fold.
        for (FoldResult f : r.trials().get(4).folds()) {
            assertTrue(f.pruned());
            assertEquals(List.of(0, 1, 2), List.copyOf(f.intermediate().keySet()));
        }
        assertEquals(0.9, r.bestConfig().orElseThrow().number("q"));
        // The same trials and stopping decisions with four threads.
        SearchResult again = SearchRunner.builder(new GridSampler(space), curves).folds(2).parallel(1).threads(4)
                .medianStop(new MedianStoppingRule(2, 3)).build().run();
        assertEquals(Fixtures.fingerprint(r), Fixtures.fingerprint(again));
    }

    @Test
    void aFailingFoldMarksTheTrialFailedWithItsMessage() {
        SearchSpace space = SearchSpace.of(Dimension.of("x", new Domain.GridValues(List.of(1.0, 2.0, 3.0))));
        Objective objective = (config, fold, resource, seed, reporter) -> {
            if (config.number("x") == 2 && fold == 1) throw new IllegalStateException("diverged: loss is NaN");
            return Map.of("accuracy", config.number("x"));
        };
        SearchResult r = SearchRunner.builder(new GridSampler(space), objective).folds(3).build().run();
        assertEquals(TrialState.FAILED, r.trials().get(1).state());
        assertEquals("fold 2: diverged: loss is NaN", r.trials().get(1).message());
        assertEquals(3.0, r.bestScore());
        assertTrue(TrialTable.render(r).contains("failed: fold 2: diverged: loss is NaN"));
    }
}
