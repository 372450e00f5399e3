package org.mlopt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlopt.train.StoppingRule.Verdict;

/**
 * The stopping rule on hand-made sequences, in both directions. The expected verdicts are worked
 * out by hand from Keras' EarlyStopping rule (improvement: beats the best by more than min_delta;
 * stop when the epochs in a row without improvement reach patience).
 */
class StoppingRuleTest {

    /** The verdicts for {@code values} (epochs 1, 2, ...), up to and including the first STOP. */
    private static List<Verdict> run(StoppingRule rule, double... values) {
        List<Verdict> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Verdict v = rule.offer(i + 1, values[i]);
            out.add(v);
            if (v == Verdict.STOP) {
                break;
            }
        }
        return out;
    }

    private static final Verdict I = Verdict.IMPROVED;
    private static final Verdict W = Verdict.WAIT;
    private static final Verdict S = Verdict.STOP;

    @Test
    void minimisingStopsAfterPatienceEpochsWithoutALowerValue() {
        StoppingRule rule = new StoppingRule(false, 0.0, 2);
        assertEquals(List.of(I, I, W, S), run(rule, 1.0, 0.9, 0.95, 0.92, 0.8));
        assertEquals(2, rule.bestEpoch());
        assertEquals(0.9, rule.best());
    }

    @Test
    void anImprovementResetsTheCount() {
        StoppingRule rule = new StoppingRule(false, 0.0, 2);
        assertEquals(List.of(I, W, I, W, I, W, S), run(rule, 1.0, 1.1, 0.9, 0.95, 0.5, 0.5, 0.7, 0.1));
        assertEquals(5, rule.bestEpoch());
        assertEquals(0.5, rule.best());
    }

    @Test
    void anEqualValueIsNoImprovement() {
        StoppingRule min = new StoppingRule(false, 0.0, 1);
        assertEquals(List.of(I, S), run(min, 0.3, 0.3));
        StoppingRule max = new StoppingRule(true, 0.0, 1);
        assertEquals(List.of(I, S), run(max, 0.7, 0.7));
        assertEquals(1, max.bestEpoch());
    }

    @Test
    void minimisingWithMinDeltaNeedsMoreThanTheDelta() {
        // best 1.0; 0.97 is within 0.05: wait; 0.94 beats 0.95: improved; 0.90 is not below 0.89: wait twice, stop
        StoppingRule rule = new StoppingRule(false, 0.05, 2);
        assertEquals(List.of(I, W, I, W, S), run(rule, 1.0, 0.97, 0.94, 0.90, 0.895, 0.1));
        assertEquals(3, rule.bestEpoch());
        assertEquals(0.94, rule.best());
    }

    @Test
    void maximisingWithMinDeltaNeedsMoreThanTheDelta() {
        // best 0.5; 0.505 is not above 0.51: wait; 0.52: improved; 0.52, 0.525, 0.529 are not above 0.53: stop at the sixth
        StoppingRule rule = new StoppingRule(true, 0.01, 3);
        assertEquals(List.of(I, W, I, W, W, S), run(rule, 0.5, 0.505, 0.52, 0.52, 0.525, 0.529, 0.9));
        assertEquals(3, rule.bestEpoch());
        assertEquals(0.52, rule.best());
    }

    @Test
    void maximisingFollowsHigherValuesAndStopsOnADecline() {
        StoppingRule rule = new StoppingRule(true, 0.0, 3);
        assertEquals(List.of(I, I, I, W, W, S), run(rule, 0.2, 0.4, 0.8, 0.6, 0.7, 0.75, 0.9));
        assertEquals(3, rule.bestEpoch());
        assertEquals(0.8, rule.best());
    }

    @Test
    void negativeValuesWorkInBothDirections() {
        // r2 can be negative: -4.6 -> -4.5 is an improvement when maximising
        StoppingRule max = new StoppingRule(true, 0.0, 1);
        assertEquals(List.of(I, I, S), run(max, -4.6, -4.5, -4.55));
        StoppingRule min = new StoppingRule(false, 0.0, 1);
        assertEquals(List.of(I, S), run(min, -4.6, -4.5));
    }

    @Test
    void patienceZeroStopsAtTheFirstEpochThatDoesNotImprove() {
        StoppingRule rule = new StoppingRule(false, 0.0, 0);
        assertEquals(List.of(I, I, I, S), run(rule, 3, 2, 1, 1));
        assertEquals(3, rule.bestEpoch());
    }

    @Test
    void notANumberNeverImproves() {
        StoppingRule rule = new StoppingRule(true, 0.0, 2);
        assertEquals(List.of(W, I, W, S), run(rule, Double.NaN, 0.1, Double.NaN, Double.NaN));
        assertEquals(2, rule.bestEpoch());
        StoppingRule never = new StoppingRule(false, 0.0, 1);
        assertEquals(List.of(S), run(never, Double.NaN));
        assertEquals(0, never.bestEpoch());
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StoppingRule(false, 0.0, -1));
        assertThrows(IllegalArgumentException.class, () -> new StoppingRule(false, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new StoppingRule(false, Double.NaN, 1));
    }

    @Test
    void directionsByName() {
        for (String up : List.of("accuracy", "val_accuracy", "val_f1", "val_f1_macro", "val_precision_weighted", "recall",
                "val_roc_auc", "val_roc_auc_weighted", "val_r2")) {
            assertTrue(EarlyStopping.higherIsBetter(up), up);
        }
        for (String down : List.of("loss", "val_loss", "val_log_loss", "val_mse", "val_rmse", "val_mae")) {
            assertFalse(EarlyStopping.higherIsBetter(down), down);
        }
        assertTrue(new EarlyStopping("val_accuracy", 1, 0, true).maximize());
        assertFalse(new EarlyStopping("val_loss", 1, 0, true).maximize());
        assertTrue(new EarlyStopping("val_loss", 1, 0, true).withMaximize(true).maximize());
    }

    @Test
    void validationMetricsNameTheirHistoryKeyAndDirection() {
        ValidationMetric f1 = ValidationMetric.of("f1", Map.of("average", "macro"));
        assertEquals("val_f1_macro", f1.key());
        assertTrue(f1.higherIsBetter());
        assertEquals("val_f1", ValidationMetric.of("f1").key());
        assertEquals("val_roc_auc_weighted", ValidationMetric.of("roc_auc", Map.of("average", "weighted")).key());
        assertEquals("val_f1_virginica", ValidationMetric.of("f1", Map.of("positive", "virginica")).key());
        assertEquals("val_f1_2", ValidationMetric.of("f1", Map.of("positive", 2.0)).key());
        assertFalse(ValidationMetric.of("log_loss").higherIsBetter());
        assertFalse(ValidationMetric.of("rmse").higherIsBetter());
        assertTrue(ValidationMetric.of("r2").higherIsBetter());
        EarlyStopping es = new EarlyStopping(ValidationMetric.of("mae"), 2, 0.0, true);
        assertEquals("val_mae", es.monitor());
        assertFalse(es.maximize());
        assertThrows(IllegalArgumentException.class, () -> ValidationMetric.of("confusion_matrix"));
        assertThrows(IllegalArgumentException.class, () -> ValidationMetric.of("f2"));
        assertThrows(IllegalArgumentException.class,
                () -> new EarlyStopping("val_f1", 1, 0, true, true, ValidationMetric.of("f1", Map.of("average", "macro"))));
    }
}
