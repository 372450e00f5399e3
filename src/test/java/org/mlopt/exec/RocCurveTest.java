package org.mlopt.exec;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RocCurveTest {

    @Test
    void matchesScikitLearnWithTiedScores() {
        int[] y = {0, 0, 1, 1, 1, 0, 1};
        double[] s = {0.1, 0.4, 0.35, 0.8, 0.4, 0.2, 0.9};
        Map<String, Object> roc = RocCurve.of(y, s, "yes");
        // scikit-learn 1.2.1: roc_curve(y, s, drop_intermediate=False) on the same arrays.
        assertEquals(List.of(0.0, 0.0, 0.0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1.0), roc.get("fpr"));
        assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0, 1.0, 1.0), roc.get("tpr"));
        assertEquals("yes", roc.get("positive"));
    }
}
