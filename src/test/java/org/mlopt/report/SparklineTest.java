package org.mlopt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void scalesFromLowestToHighest() {
        // (v - 0) / 3 * 8, floored, capped at the eighth bar: 8 -> 7, 5.33 -> 5, 2.67 -> 2, 0 -> 0
        assertEquals("█▆▃▁", Sparkline.of(List.of(3.0, 2.0, 1.0, 0.0)));
        assertEquals("▁▂▃▄▅▆▇█", Sparkline.of(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0)));
    }

    @Test
    void gapsFlatAndEmptySeries() {
        assertEquals("█ ▁ ", Sparkline.of(Arrays.asList(2.0, null, 1.0, Double.NaN)));
        assertEquals("▄▄▄", Sparkline.of(List.of(0.5, 0.5, 0.5)));
        assertEquals("", Sparkline.of(List.of()));
        assertEquals("█▁", Sparkline.of(List.of(Double.POSITIVE_INFINITY, 5.0, 4.0)).substring(1));
    }

    @Test
    void longSeriesAreAveragedDownToTheWidth() {
        List<Double> loss = new ArrayList<>();
        for (int i = 0; i < 100; i++) loss.add(i < 50 ? 1.0 : 0.0);
        assertEquals("██▁▁", Sparkline.of(loss, 4));
        assertEquals(Sparkline.of(List.of(1.0, 0.0)), Sparkline.of(List.of(1.0, 0.0), 10));
        assertThrows(IllegalArgumentException.class, () -> Sparkline.of(loss, 0));
    }

    @Test
    void lossSpanningDecadesIsDrawnOnALogScale() {
        // log10: 0, -1, -2, -3 -> evenly spaced bars
        assertEquals("█▆▃▁", Sparkline.ofLoss(List.of(1.0, 0.1, 0.01, 0.001), 10));
        // within one decade: linear, as Sparkline.of
        assertEquals(Sparkline.of(List.of(2.0, 1.0, 0.5)), Sparkline.ofLoss(List.of(2.0, 1.0, 0.5), 10));
        assertTrue(Sparkline.logScaled(List.of(1.0, 0.01)));
        assertFalse(Sparkline.logScaled(List.of(2.0, 1.0, 0.5)) || Sparkline.logScaled(List.of(1.0, 0.0, 0.001)));
    }
}
