package org.mlopt.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HalvingRungsTest {

    private static List<Integer> configs(List<Rung> rungs) {
        return rungs.stream().map(Rung::configs).toList();
    }

    private static List<Double> resources(List<Rung> rungs) {
        return rungs.stream().map(Rung::resource).toList();
    }

    // Expected rungs from scikit-learn 1.2.1 HalvingGridSearchCV(factor=3, resource='max_iter',
    // min_resources=1, max_resources=R): n_candidates_ and n_resources_ printed for each case.
    @Test
    void twentySevenCandidatesFactorThreeRunFourRungs() {
        List<Rung> rungs = HalvingRungs.halving(27, 3, 1, 27);
        assertEquals(List.of(27, 9, 3, 1), configs(rungs));
        assertEquals(List.of(1.0, 3.0, 9.0, 27.0), resources(rungs));
    }

    @Test
    void fewerCandidatesStopWhenFewAreLeft() {
        List<Rung> rungs = HalvingRungs.halving(12, 3, 1, 27);
        assertEquals(List.of(12, 4, 2), configs(rungs));
        assertEquals(List.of(1.0, 3.0, 9.0), resources(rungs));
    }

    @Test
    void smallResourceBudgetLimitsTheRungs() {
        List<Rung> rungs = HalvingRungs.halving(27, 3, 1, 10);
        assertEquals(List.of(27, 9, 3), configs(rungs));
        assertEquals(List.of(1.0, 3.0, 9.0), resources(rungs));
    }

    @Test
    void exhaustFillsTheRungsUpToTheMaximum() {
        assertEquals(27, HalvingRungs.exhaustConfigs(3, 1, 27));
        assertEquals(16, HalvingRungs.exhaustConfigs(2, 2, 32));
        assertEquals(3, HalvingRungs.floorLog(3, 27));
        assertEquals(2, HalvingRungs.floorLog(3, 26.9));
    }

    // Li et al., "Hyperband", JMLR 18 (2018), Table 1: R = 81, eta = 3.
    @Test
    void hyperbandMatchesThePapersTable() {
        List<Rung> rungs = HalvingRungs.hyperband(3, 1, 81);
        assertEquals(List.of(81, 27, 9, 3, 1, 34, 11, 3, 1, 15, 5, 1, 8, 2, 5), configs(rungs));
        assertEquals(List.of(1.0, 3.0, 9.0, 27.0, 81.0, 3.0, 9.0, 27.0, 81.0, 9.0, 27.0, 81.0, 27.0, 81.0, 81.0),
                resources(rungs).stream().map(r -> (double) Math.round(r)).toList());
        assertEquals(List.of(0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4), rungs.stream().map(Rung::bracket).toList());
    }
}
