package org.mlopt.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BestTrialTest {

    private static final SearchSpace SPACE = SearchSpace.of(Dimension.of("x", new Domain.GridValues(List.of(1.0, 2.0, 3.0, 4.0, 5.0))));

    @Test
    void tiesGoToTheEarliestTrialAsInGridSearchCv() {
        // Scores per fold: x=2 and x=4 both average 0.75 (0.5 and 1.0 / 1.0 and 0.5), the others less.
        Objective o = (c, fold, r, seed, rep) -> {
            double x = c.number("x");
            double v = x == 2 ? (fold == 0 ? 0.5 : 1.0) : x == 4 ? (fold == 0 ? 1.0 : 0.5) : 0.1 * x;
            return Map.of("accuracy", v);
        };
        for (int threads : new int[] {1, 3}) {
            SearchResult r = SearchRunner.builder(new GridSampler(SPACE), o).folds(2).parallel(threads).build().run();
            assertEquals(1, r.best().orElseThrow().number());
            assertEquals(0.75, r.bestScore());
            assertEquals(0.25, r.best().orElseThrow().sd("accuracy"), 1e-15);
        }
    }

    @Test
    void minimisingPicksTheSmallestAndSkipsNaN() {
        Objective o = (c, fold, r, seed, rep) -> Map.of("log_loss", c.number("x") == 1 ? Double.NaN : Math.abs(c.number("x") - 3.5));
        SearchResult r = SearchRunner.builder(new GridSampler(SPACE), o).folds(3).metric("log_loss", null).build().run();
        assertEquals(Direction.MINIMIZE, r.direction());
        assertEquals(2, r.best().orElseThrow().number());   // x = 3, |3 - 3.5| = 0.5 ties x = 4 and comes first
        assertEquals(0.5, r.bestScore());
    }

    @Test
    void aCancelledSearchKeepsNothingUnfinishedAndSaysSo() {
        AtomicBoolean cancel = new AtomicBoolean(true);
        SearchResult r = SearchRunner.builder(new GridSampler(SPACE), (c, f, res, s, rep) -> Map.of("accuracy", 1.0))
                .cancel(cancel).build().run();
        assertTrue(r.cancelled());
        assertEquals(0, r.trials().size());
        assertTrue(r.best().isEmpty());
        assertTrue(Double.isNaN(r.bestScore()));
    }
}
