package org.mlopt.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How {@link Parallel} splits a range and what happens when it cannot. */
class ParallelTest {

    @Test
    void sharesCoverTheRangeOnceWithAlignedBounds() {
        for (int n : new int[] {1, 15, 16, 17, 100, 1000}) {
            List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
            Parallel.run(n, 16, 1, 0, 3, (from, to) -> ranges.add(new int[] {from, to}));
            ranges.sort((x, y) -> Integer.compare(x[0], y[0]));
            int next = 0;
            for (int[] r : ranges) {
                assertEquals(next, r[0], "n " + n);
                assertEquals(0, r[0] % 16, "n " + n);
                assertTrue(r[1] > r[0]);
                next = r[1];
            }
            assertEquals(n, next);
            int units = (n + 15) / 16;
            assertTrue(ranges.size() <= Math.min(units, 3 * Parallel.CHUNKS_PER_THREAD), "chunks for n " + n);
            if (units >= 3) {
                assertTrue(ranges.size() >= 3, "at least one chunk per thread for n " + n);
            }
        }
    }

    @Test
    void cheapWorkAndEmptyRangesStayOnTheCaller() {
        String caller = Thread.currentThread().getName();
        AtomicInteger calls = new AtomicInteger();
        Parallel.run(1000, 1, 99, 100, 4, (from, to) -> {
            assertEquals(caller, Thread.currentThread().getName());
            assertEquals(0, from);
            assertEquals(1000, to);
            calls.incrementAndGet();
        });
        Parallel.run(0, 1, 1000, 0, 4, (from, to) -> calls.addAndGet(100));
        assertEquals(1, calls.get());
    }

    @Test
    void chunksAreClaimedOnceEachWhateverThreadTakesThem() {
        // One slow chunk: the other thread takes the remaining chunks meanwhile; every item is still
        // covered exactly once, whichever thread takes which chunk.
        int n = 640;
        int[] hits = new int[n];
        Parallel.run(n, 8, 1, 0, 2, (from, to) -> {
            for (int i = from; i < to; i++) hits[i]++;
            if (from == 8 * 10) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        for (int i = 0; i < n; i++) {
            assertEquals(1, hits[i], "item " + i);
        }
    }

    @Test
    void aSplitRequestedFromInsideASplitRunsOnItsCaller() {
        AtomicInteger outer = new AtomicInteger();
        AtomicInteger inner = new AtomicInteger();
        Parallel.run(64, 8, 1, 0, 2, (from, to) -> {
            outer.incrementAndGet();
            String me = Thread.currentThread().getName();
            Parallel.run(64, 8, 1, 0, 2, (f, t) -> {
                assertEquals(me, Thread.currentThread().getName());
                assertEquals(0, f);
                assertEquals(64, t);
                inner.incrementAndGet();
            });
        });
        assertTrue(outer.get() >= 2);
        assertEquals(outer.get(), inner.get(), "one whole inner range per outer chunk");
    }

    @Test
    void aFailingShareFailsTheCallAndThePoolStaysUsable() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Parallel.run(64, 8, 1, 0, 2, (from, to) -> {
                    if (from > 0) throw new IllegalStateException("share " + from);
                }));
        assertTrue(e.getMessage().startsWith("share "), e.getMessage());
        AtomicInteger covered = new AtomicInteger();
        Parallel.run(64, 8, 1, 0, 2, (from, to) -> covered.addAndGet(to - from));
        assertEquals(64, covered.get());
    }
}
