package org.mlopt.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParetoFrontTest {

    private static final List<ParetoFront.Objective> ACCURACY_UP_PARAMS_DOWN = List.of(
            new ParetoFront.Objective("accuracy", Direction.MAXIMIZE), new ParetoFront.Objective("params", Direction.MINIMIZE));

    /** A trial with one fold per pair of scores, so its means are the pairs' means. */
    private static TrialResult trial(int number, double... accuracyParams) {
        List<FoldResult> folds = new java.util.ArrayList<>();
        for (int i = 0; i < accuracyParams.length; i += 2)
            folds.add(new FoldResult(Map.of("accuracy", accuracyParams[i], "params", accuracyParams[i + 1]), Map.of(), false, null, 0));
        return new TrialResult(number, new Config(Map.of("n", (double) number)), 0, 0, Resource.FULL, folds, 0);
    }

    private static List<Integer> numbers(List<TrialResult> front) {
        return front.stream().map(TrialResult::number).toList();
    }

    @Test
    void keepsExactlyTheTrialsNothingBeatsOnBothObjectives() {
        List<TrialResult> trials = List.of(
                trial(0, 0.90, 1000),   // dominated by 1: less accurate and larger
                trial(1, 0.95, 800),
                trial(2, 0.97, 2000),   // the most accurate
                trial(3, 0.80, 100),    // the smallest
                trial(4, 0.80, 150),    // dominated by 3: as accurate, larger
                trial(5, 0.95, 800));   // ties 1 on both: neither dominates the other
        assertEquals(List.of(2, 1, 5, 3), numbers(ParetoFront.of(trials, ACCURACY_UP_PARAMS_DOWN)));
    }

    @Test
    void ordersByTheFirstObjectiveThenTheSecond() {
        List<TrialResult> trials = List.of(trial(0, 0.9, 50), trial(1, 0.9, 40), trial(2, 0.5, 10));
        // 0 and 1 tie on accuracy; 1 is smaller, so 0 is dominated and 1 comes first.
        assertEquals(List.of(1, 2), numbers(ParetoFront.of(trials, ACCURACY_UP_PARAMS_DOWN)));
    }

    @Test
    void usesTheMeanOverFoldsAndLeavesOutFailedAndStoppedTrials() {
        TrialResult averaged = trial(0, 1.0, 100, 0.8, 100);   // mean 0.9 accuracy
        TrialResult failed = new TrialResult(1, new Config(Map.of()), 0, 0, Resource.FULL,
                List.of(new FoldResult(Map.of(), Map.of(), false, "diverged", 0)), 0);
        TrialResult stopped = new TrialResult(2, new Config(Map.of()), 0, 0, Resource.FULL,
                List.of(new FoldResult(Map.of("accuracy", 1.0, "params", 1.0), Map.of(), true, null, 0)), 0);
        TrialResult worse = trial(3, 0.95, 200);
        List<TrialResult> front = ParetoFront.of(List.of(averaged, failed, stopped, worse), ACCURACY_UP_PARAMS_DOWN);
        assertEquals(List.of(3, 0), numbers(front));
    }

    @Test
    void dominanceNeedsOneStrictImprovement() {
        TrialResult a = trial(0, 0.9, 100);
        TrialResult same = trial(1, 0.9, 100);
        TrialResult better = trial(2, 0.9, 99);
        assertFalse(ParetoFront.dominates(a, same, ACCURACY_UP_PARAMS_DOWN));
        assertTrue(ParetoFront.dominates(better, a, ACCURACY_UP_PARAMS_DOWN));
        assertFalse(ParetoFront.dominates(a, better, ACCURACY_UP_PARAMS_DOWN));
    }

    @Test
    void oneObjectiveLeavesTheBestAndItsTies() {
        List<TrialResult> trials = List.of(trial(0, 0.9, 1), trial(1, 0.95, 1), trial(2, 0.95, 7));
        assertEquals(List.of(1, 2), numbers(ParetoFront.of(trials, List.of(new ParetoFront.Objective("accuracy", Direction.MAXIMIZE)))));
        assertThrows(IllegalArgumentException.class, () -> ParetoFront.of(trials, List.of()));
    }
}
