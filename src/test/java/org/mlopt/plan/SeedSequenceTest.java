package org.mlopt.plan;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedSequenceTest {

    // Reference outputs of Vigna's splitmix64.c seeded with 0 (state += 0x9E3779B97F4A7C15, then mix):
    // 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4 (checked with a Python transcription of the C code).
    @Test
    void mixMatchesSplitMix64() {
        assertEquals(0xe220a8397b1dcdafL, SeedSequence.mix64(0x9E3779B97F4A7C15L));
        assertEquals(0x6e789e6aa1b965f4L, SeedSequence.mix64(0x9E3779B97F4A7C15L * 2));
    }

    @Test
    void sameStructureGivesSameSeed() {
        assertEquals(SeedSequence.derive(0, 4, 7, 2, 0), SeedSequence.derive(0, 4, 7, 2, 0));
        assertEquals(SeedSequence.of(3).child(1).child(2), SeedSequence.of(3).child(1).child(2));
    }

    @Test
    void everyLevelChangesTheSeed() {
        long base = SeedSequence.derive(0, 4, 7, 2, 0);
        assertNotEquals(base, SeedSequence.derive(1, 4, 7, 2, 0));
        assertNotEquals(base, SeedSequence.derive(0, 5, 7, 2, 0));
        assertNotEquals(base, SeedSequence.derive(0, 4, 8, 2, 0));
        assertNotEquals(base, SeedSequence.derive(0, 4, 7, 3, 0));
        assertNotEquals(base, SeedSequence.derive(0, 4, 7, 2, 1));
        assertNotEquals(SeedSequence.of(0).child(1).child(2).seed(), SeedSequence.of(0).child(2).child(1).seed(),
                "the order of keys matters");
    }

    @Test
    void noCollisionsOverATypicalPlan() {
        Set<Long> seen = new HashSet<>();
        int n = 0;
        for (int stmt = 0; stmt < 10; stmt++)
            for (int trial = -1; trial < 50; trial++)
                for (int fold = -1; fold < 10; fold++)
                    for (int phase = -1; phase < 4; phase++) {
                        seen.add(SeedSequence.derive(0, stmt, trial, fold, phase));
                        n++;
                    }
        assertEquals(n, seen.size());
    }

    @Test
    void seedsAreNonNegativeAndBitsBalanced() {
        int samples = 20_000;
        int[] ones = new int[63];
        for (int t = 0; t < samples; t++) {
            long s = SeedSequence.derive(0, 3, t, 0, 0);
            assertTrue(s >= 0);
            for (int b = 0; b < 63; b++) if ((s >>> b & 1) == 1) ones[b]++;
        }
        // A fair bit over 20,000 draws lies within 0.5 +- 0.02 with probability > 1 - 1e-8.
        for (int b = 0; b < 63; b++) assertEquals(0.5, ones[b] / (double) samples, 0.02, "bit " + b);
    }

    @Test
    void seedsDoNotDependOnThreadCount() throws Exception {
        Map<Integer, Long> one = new ForkJoinPool(1).submit(() -> derivedInParallel()).get();
        Map<Integer, Long> four = new ForkJoinPool(4).submit(() -> derivedInParallel()).get();
        assertEquals(one, four);
        assertEquals(SeedSequence.derive(9, 2, 17, 3, 0), one.get(17 * 10 + 3));
    }

    private static Map<Integer, Long> derivedInParallel() {
        return IntStream.range(0, 1000).parallel().boxed()
                .collect(Collectors.toMap(i -> i, i -> SeedSequence.derive(9, 2, i / 10, i % 10, 0)));
    }

    @Test
    void plansGetTheSameSeedsEveryTimeAndNewOnesForANewRunSeed() {
        String script = """
                data d = moons(samples: 200, noise: 0.2, seed: 3)
                split d -> train: 0.8, test: 0.2
                network n {
                  dense(8, relu)
                  dense(2)
                }
                search n on train {
                  space { train.epochs: [5, 10] }
                  cv: 3
                }
                """;
        List<Long> first = seeds(Planner.plan(CheckedFixture.check("s.mlopt", script), 0));
        List<Long> again = seeds(Planner.plan(CheckedFixture.check("s.mlopt", script), 0));
        List<Long> other = seeds(Planner.plan(CheckedFixture.check("s.mlopt", script), 1));
        assertEquals(first, again);
        assertEquals(first.size(), new HashSet<>(first).size(), "every step gets its own seed");
        // The data statement's explicit seed is kept in both runs; everything derived changes.
        assertEquals(3L, first.get(0));
        assertEquals(3L, other.get(0));
        for (int i = 1; i < first.size(); i++) assertNotEquals(first.get(i), other.get(i));
    }

    @Test
    void everyStepThatNeedsRandomnessHasASeed() {
        for (String script : List.of("tutorial_grid.mlopt", "random_network.mlopt", "conditional_grid.mlopt", "halving.mlopt",
                "prune_distill.mlopt"))
            for (Step s : PlanTestSupport.planResource(script).steps())
                if (s.kind().usesRandomness()) assertTrue(s.seed().isPresent(), script + ": " + s.id());
    }

    private static List<Long> seeds(ExecutionGraph g) {
        return g.steps().stream().filter(s -> s.seed().isPresent()).map(s -> s.seed().getAsLong()).toList();
    }
}
