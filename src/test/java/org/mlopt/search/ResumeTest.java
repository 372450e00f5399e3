package org.mlopt.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlopt.util.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResumeTest {

    private static final SearchSpace SPACE = SpaceReader.read(Fixtures.space("""
            C: loguniform(1e-3, 1e2)
            penalty: choice(l1, l2)
            epochs: randint(5, 50)
            """));

    /** A bumpy function of the configuration plus seed-dependent noise, so fit seeds must match too. */
    private static Objective objective(AtomicInteger calls) {
        return (config, fold, resource, seed, reporter) -> {
            calls.incrementAndGet();
            double c = Math.log10(config.number("C"));
            double v = -Math.pow(c - 0.3, 2) + (config.word("penalty").equals("l2") ? 0.2 : 0) + 0.01 * config.number("epochs")
                    + (seed % 1000) * 1e-7;
            return Map.of("accuracy", v, "fold", (double) fold);
        };
    }

    private static SearchRunner runner(Sampler sampler, AtomicInteger calls, Path folder, AtomicBoolean cancel, int stopAfter) {
        AtomicInteger done = new AtomicInteger();
        return SearchRunner.builder(sampler, objective(calls)).folds(3).parallel(2).threads(2).seed(9).folder(folder)
                .cancel(cancel).onTrial(t -> {
                    if (done.incrementAndGet() == stopAfter) cancel.set(true);
                }).build();
    }

    private static void interruptAndResume(Sampler sampler, Path base) {
        AtomicInteger calls = new AtomicInteger();
        SearchResult whole = runner(sampler, calls, base.resolve("whole"), new AtomicBoolean(), -1).run();
        assertFalse(whole.cancelled());
        int n = sampler.size();
        assertEquals(3 * n, calls.get());

        Path folder = base.resolve("interrupted");
        AtomicInteger first = new AtomicInteger();
        SearchResult partial = runner(sampler, first, folder, new AtomicBoolean(), 5).run();
        assertTrue(partial.cancelled());
        int kept = partial.trials().size();
        assertTrue(kept >= 5 && kept < n, "kept " + kept);
        assertEquals(kept, TrialLog.read(folder).size());

        AtomicInteger second = new AtomicInteger();
        SearchResult resumed = runner(sampler, second, folder, new AtomicBoolean(), -1).resume(folder);
        assertFalse(resumed.cancelled());
        assertEquals(3 * (n - kept), second.get(), "only the missing trials run");
        assertEquals(Fixtures.fingerprint(whole), Fixtures.fingerprint(resumed));
        assertEquals(whole.best().orElseThrow().number(), resumed.best().orElseThrow().number());
        assertEquals(whole.bestScore(), resumed.bestScore());
    }

    @Test
    void randomSearchResumesToTheSameWinner(@TempDir Path dir) {
        interruptAndResume(new RandomSampler(SPACE, 14, 2), dir);
    }

    @Test
    void tpeSearchResumesToTheSameWinner(@TempDir Path dir) {
        interruptAndResume(new TpeSampler(SPACE, 16, 4, 2), dir);
    }

    @Test
    void halvingResumesToTheSameWinner(@TempDir Path dir) {
        AtomicInteger calls = new AtomicInteger();
        Scheduler halving = new Scheduler.SuccessiveHalving("samples", 3, 10, 90, 9);
        SearchResult whole = SearchRunner.builder(new RandomSampler(SPACE, 1, 3), objective(calls)).folds(3)
                .scheduler(halving).build().run();
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        Path folder = dir.resolve("h");
        SearchRunner.builder(new RandomSampler(SPACE, 1, 3), objective(calls)).folds(3).scheduler(halving).folder(folder)
                .cancel(cancel).onTrial(t -> {
                    if (done.incrementAndGet() == 10) cancel.set(true);
                }).build().run();
        SearchResult resumed = SearchRunner.builder(new RandomSampler(SPACE, 1, 3), objective(calls)).folds(3)
                .scheduler(halving).build().resume(folder);
        assertEquals(9 + 3 + 1, whole.trials().size());
        assertEquals(Fixtures.fingerprint(whole), Fixtures.fingerprint(resumed));
    }

    @Test
    void resumeRefusesALogOfAnotherSearch(@TempDir Path dir) {
        AtomicInteger calls = new AtomicInteger();
        runner(new RandomSampler(SPACE, 4, 1), calls, dir, new AtomicBoolean(), -1).run();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> runner(new RandomSampler(SPACE, 4, 2), calls, dir, new AtomicBoolean(), -1).resume(dir));
        assertTrue(e.getMessage().contains("different search"), e.getMessage());
    }

    @Test
    void logAndSummaryFilesRoundTrip(@TempDir Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SearchResult r = runner(new RandomSampler(SPACE, 4, 1), calls, dir, new AtomicBoolean(), -1).run();
        assertEquals(r.trials(), TrialLog.read(dir).values().stream().toList());
        Files.writeString(dir.resolve(TrialLog.FILE), "{\"trial\": 9, \"conf", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(4, TrialLog.read(dir).size(), "a half-written last line is ignored");
        Map<?, ?> json = (Map<?, ?>) Json.read(Files.readString(dir.resolve("result.json")));
        assertEquals((long) r.best().orElseThrow().number(), json.get("best_trial"));
        assertEquals(r.bestScore(), ((Number) json.get("best_score")).doubleValue());
        assertEquals(1 + 4, Files.readAllLines(dir.resolve("trials.csv")).size());
        assertTrue(Files.readAllLines(dir.resolve("trials.csv")).get(0)
                .startsWith("trial,bracket,rung,resource,amount,C,penalty,epochs,fold0_accuracy,fold1_accuracy,fold2_accuracy,mean_accuracy"));
    }
}
