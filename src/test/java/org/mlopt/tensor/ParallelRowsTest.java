package org.mlopt.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How {@link ParallelRows} splits the rows of an output. */
class ParallelRowsTest {

    @Test
    void largeProductIsSplitIntoDisjointEightRowAlignedChunks() {
        List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = Collections.synchronizedSet(new HashSet<>());
        CountDownLatch allStarted = new CountDownLatch(3);
        ParallelRows.run(100, ParallelRows.MIN_FLOPS, ParallelRows.MIN_FLOPS, 3, (i0, i1) -> {
            ranges.add(new int[] {i0, i1});
            threads.add(Thread.currentThread().getName());
            allStarted.countDown();
            try {
                // The three shares run at the same time, so on three different threads.
                assertTrue(allStarted.await(10, TimeUnit.SECONDS), "shares did not run concurrently");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        ranges.sort((x, y) -> Integer.compare(x[0], y[0]));
        assertTrue(ranges.size() >= 3 && ranges.size() <= 3 * ParallelRows.CHUNKS_PER_THREAD, "chunks: " + ranges.size());
        int next = 0;
        for (int[] r : ranges) {
            assertEquals(next, r[0]);
            assertEquals(0, r[0] % 8);
            next = r[1];
        }
        assertEquals(100, next);
        assertEquals(3, threads.size(), "the caller and two pool threads: " + threads);
    }

    @Test
    void smallProductStaysOnTheCallingThread() {
        List<int[]> ranges = new ArrayList<>();
        String caller = Thread.currentThread().getName();
        ParallelRows.run(100, ParallelRows.MIN_FLOPS - 1, ParallelRows.MIN_FLOPS, 4, (i0, i1) -> {
            assertEquals(caller, Thread.currentThread().getName());
            ranges.add(new int[] {i0, i1});
        });
        assertEquals(1, ranges.size());
        assertEquals(0, ranges.get(0)[0]);
        assertEquals(100, ranges.get(0)[1]);
    }

    @Test
    void aFailingShareFailsTheProduct() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ParallelRows.run(64, 1, 0, 2, (i0, i1) -> {
                    if (i0 > 0) throw new IllegalStateException("share " + i0);
                }));
        assertTrue(e.getMessage().startsWith("share"));
    }
}
