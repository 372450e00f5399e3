package org.mlopt.search;

import org.mlopt.plan.Rung;
import org.mlopt.plan.SeedSequence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a search: proposes configurations with a {@link Sampler}, evaluates every trial on every
 * fold through the {@link Objective} on a fixed pool of {@code threads} threads (folds of one trial
 * run in parallel too), applies the {@link Scheduler} and the optional {@link MedianStoppingRule},
 * records each finished trial (and appends it to {@code trials.jsonl} when a folder is given) and
 * picks the best.
 *
 * <p>Same seed, same result on any number of threads: trial numbers fix proposals and fit seeds
 * ({@code SeedSequence.of(seed).child(trial).child(fold)}); adaptive samplers and the median rule
 * see only trials of earlier waves of {@code parallel} trials; halving promotes after a whole rung;
 * ties go to the earliest trial. The thread count only changes the wall time.
 *
 * <p>Under halving and Hyperband the first rung of a bracket is proposed at once; an adaptive
 * sampler then sees every trial finished in earlier brackets (at whatever resource it ran). The
 * best trial comes from the brackets' last rungs, as scikit-learn's halving searches pick it.
 *
 * <p>Cancellation ({@link Builder#cancel}) stops starting new folds; finished trials are kept and
 * a trial with an unstarted fold is dropped. {@link #resume(Path)} reloads the finished trials of
 * a folder and runs only the missing ones, reaching the same winner as an uninterrupted run.
 */
public final class SearchRunner {

    private final Sampler sampler;
    private final Objective objective;
    private final int folds;
    private final String metric;
    private final Direction direction;
    private final int parallel;
    private final int threads;
    private final long seed;
    private final Scheduler scheduler;
    private final MedianStoppingRule medianStop;
    private final Path folder;
    private final AtomicBoolean cancel;
    private final Consumer<TrialResult> listener;

    private SearchRunner(Builder b) {
        this.sampler = b.sampler;
        this.objective = b.objective;
        this.folds = b.folds;
        this.metric = b.metric;
        this.direction = b.direction == null ? Direction.of(b.metric) : b.direction;
        this.parallel = b.parallel;
        this.threads = b.threads > 0 ? b.threads : b.parallel;
        this.seed = b.seed;
        this.scheduler = b.scheduler;
        this.medianStop = b.medianStop;
        this.folder = b.folder;
        this.cancel = b.cancel;
        this.listener = b.listener;
        if (scheduler instanceof Scheduler.Hyperband && sampler instanceof GridSampler)
            throw new IllegalArgumentException("hyperband draws new configurations per bracket; use a random or tpe sampler, not a grid");
    }

    public static Builder builder(Sampler sampler, Objective objective) {
        return new Builder(sampler, objective);
    }

    /** Runs the whole search; with a folder, a previous {@code trials.jsonl} there is replaced. */
    public SearchResult run() {
        TrialLog log = folder == null ? null : new TrialLog(folder);
        if (log != null) log.clear();
        return new Execution(log, Map.of()).run();
    }

    /** Continues the search recorded in {@code folder}: finished trials are reused, missing ones run. */
    public SearchResult resume(Path folder) {
        return new Execution(new TrialLog(folder), TrialLog.read(folder)).run();
    }

    /** A trial to evaluate. */
    private record TrialSpec(int number, Config config, int bracket, int rung, Resource resource) {}

    /** One run of the search: the pool, the finished trials and the log. */
    private final class Execution {
        private final TrialLog log;
        private final Map<Integer, TrialResult> known;
        private final Map<Integer, TrialResult> finished = new TreeMap<>();
        /** bracket → index of its last rung; the best trial comes from these rungs. */
        private final Map<Integer, Integer> finalRung = new TreeMap<>();
        private ExecutorService pool;
        private boolean incomplete;

        Execution(TrialLog log, Map<Integer, TrialResult> known) {
            this.log = log;
            this.known = known;
        }

        SearchResult run() {
            pool = Executors.newFixedThreadPool(threads, daemonThreads());
            try {
                if (scheduler instanceof Scheduler.SuccessiveHalving h) halving(h);
                else if (scheduler instanceof Scheduler.Hyperband h) hyperband(h);
                else plain();
            } finally {
                pool.shutdownNow();
            }
            List<TrialResult> trials = snapshot();
            SearchResult result = new SearchResult(trials, metric, direction, best(trials), incomplete || cancel.get(),
                    sampler.describe());
            if (log != null) log.writeSummary(result);
            return result;
        }

        private void plain() {
            int n = sampler.size();
            int wave = sampler.adaptive() || medianStop != null ? parallel : n;
            finalRung.put(0, 0);
            for (int start = 0; start < n && !cancel.get(); start += wave) {
                History history = new History(snapshot(), metric, direction);
                List<TrialSpec> specs = new ArrayList<>();
                for (int i = start; i < Math.min(n, start + wave); i++)
                    specs.add(new TrialSpec(i, sampler.propose(i, history), 0, 0, Resource.FULL));
                stage(specs, history.trials());
            }
            if (finished.size() < n) incomplete = true;
        }

        private void halving(Scheduler.SuccessiveHalving h) {
            int configs = h.candidates() > 0 ? h.candidates()
                    : sampler instanceof GridSampler ? sampler.size()
                    : PlanBridge.exhaustConfigs(h.factor(), h.minResource(), h.maxResource());
            List<Rung> rungs = PlanBridge.halving(configs, h.factor(), h.minResource(), h.maxResource());
            bracket(rungs, h.resource(), new int[2]);
        }

        private void hyperband(Scheduler.Hyperband h) {
            List<Rung> rungs = PlanBridge.hyperband(h.factor(), h.minResource(), h.maxResource());
            int[] counters = new int[2];
            int brackets = rungs.isEmpty() ? 0 : rungs.get(rungs.size() - 1).bracket() + 1;
            for (int b = 0; b < brackets && !cancel.get(); b++) {
                List<Rung> bracket = new ArrayList<>();
                for (Rung r : rungs) if (r.bracket() == b) bracket.add(r);
                bracket(bracket, h.resource(), counters);
            }
        }

        /**
         * Successive halving over {@code rungs}; {@code counters} holds the next proposal index and
         * the next trial number, shared by Hyperband's brackets.
         */
        private void bracket(List<Rung> rungs, String resource, int[] counters) {
            int bracketNo = rungs.get(0).bracket();
            finalRung.put(bracketNo, rungs.size() - 1);
            History history = new History(snapshot(), metric, direction);
            List<Config> configs = new ArrayList<>();
            for (int c = 0; c < rungs.get(0).configs(); c++) configs.add(sampler.propose(counters[0]++, history));
            for (int r = 0; r < rungs.size(); r++) {
                Rung rung = rungs.get(r);
                List<TrialSpec> specs = new ArrayList<>();
                for (Config c : configs)
                    specs.add(new TrialSpec(counters[1]++, c, bracketNo, r, new Resource(resource, rung.resource())));
                List<TrialResult> results = stage(specs, List.of());
                if (results.size() < specs.size()) {
                    incomplete = true;
                    return;
                }
                if (r == rungs.size() - 1) break;
                configs = promote(results, rungs.get(r + 1).configs());
            }
        }

        /** The {@code keep} best complete trials' configurations, in trial order. */
        private List<Config> promote(List<TrialResult> results, int keep) {
            List<TrialResult> ranked = new ArrayList<>();
            for (TrialResult t : results) if (Double.isFinite(t.score(metric))) ranked.add(t);
            ranked.sort((a, b) -> direction.compare(a.score(metric), b.score(metric)));   // stable: ties keep trial order
            List<TrialResult> kept = new ArrayList<>(ranked.subList(0, Math.min(keep, ranked.size())));
            kept.sort(Comparator.comparingInt(TrialResult::number));
            List<Config> out = new ArrayList<>();
            for (TrialResult t : kept) out.add(t.config());
            return out;
        }

        /** Evaluates {@code specs} (reusing recorded ones); returns the finished ones in spec order. */
        private List<TrialResult> stage(List<TrialSpec> specs, List<TrialResult> peers) {
            List<Future<?>> futures = new ArrayList<>();
            for (TrialSpec spec : specs) {
                TrialResult recorded = known.get(spec.number());
                if (recorded != null && matches(recorded, spec)) {
                    synchronized (this) {
                        finished.put(spec.number(), recorded);
                    }
                    continue;
                }
                if (recorded != null)
                    throw new IllegalStateException(log.file() + " was written by a different search: trial " + spec.number()
                            + " there is " + recorded.config() + " (" + recorded.resource() + "), here " + spec.config()
                            + " (" + spec.resource() + ")");
                PendingTrial trial = new PendingTrial(spec);
                for (int f = 0; f < folds; f++) {
                    int fold = f;
                    futures.add(pool.submit(() -> runFold(trial, fold, peers)));
                }
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel.set(true);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("search worker failed: " + e.getCause(), e.getCause());
                }
            }
            List<TrialResult> out = new ArrayList<>();
            synchronized (this) {
                for (TrialSpec spec : specs) if (finished.containsKey(spec.number())) out.add(finished.get(spec.number()));
            }
            return out;
        }

        private boolean matches(TrialResult recorded, TrialSpec spec) {
            return recorded.config().equals(spec.config()) && recorded.resource().equals(spec.resource())
                    && recorded.folds().size() == folds;
        }

        private void runFold(PendingTrial trial, int fold, List<TrialResult> peers) {
            if (cancel.get()) {
                trial.abandoned = true;
            } else {
                TrialSpec spec = trial.spec;
                long foldSeed = SeedSequence.of(seed).child(spec.number()).child(fold).seed();
                FoldReporter reporter = new FoldReporter(peers, fold);
                long t0 = System.nanoTime();
                Map<String, Double> metrics = Map.of();
                String error = null;
                try {
                    metrics = objective.fit(spec.config(), fold, spec.resource(), foldSeed, reporter);
                    if (metrics == null) error = "the objective returned no metrics";
                    else if (!reporter.stopped() && !metrics.containsKey(metric))
                        error = "the objective returned no " + metric + " (it returned " + metrics.keySet() + ")";
                } catch (Exception e) {
                    error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                trial.folds[fold] = new FoldResult(metrics == null ? Map.of() : metrics, reporter.intermediate,
                        reporter.stopped(), error, seconds);
            }
            if (trial.remaining.decrementAndGet() == 0 && !trial.abandoned) finish(trial);
        }

        private void finish(PendingTrial trial) {
            TrialSpec s = trial.spec;
            double seconds = 0;
            for (FoldResult f : trial.folds) seconds += f.seconds();
            TrialResult result = new TrialResult(s.number(), s.config(), s.bracket(), s.rung(), s.resource(), List.of(trial.folds), seconds);
            synchronized (this) {
                finished.put(s.number(), result);
            }
            if (log != null) log.append(result);
            if (listener != null) {
                synchronized (listener) {
                    listener.accept(result);
                }
            }
        }

        private synchronized List<TrialResult> snapshot() {
            return new ArrayList<>(finished.values());
        }

        /** The best complete trial of the final rungs (any complete trial if none); ties → earliest. */
        private Optional<TrialResult> best(List<TrialResult> trials) {
            Optional<TrialResult> fromFinal = pick(trials, true);
            return fromFinal.isPresent() ? fromFinal : pick(trials, false);
        }

        private Optional<TrialResult> pick(List<TrialResult> trials, boolean finalOnly) {
            TrialResult best = null;
            for (TrialResult t : trials) {
                if (finalOnly && !Integer.valueOf(t.rung()).equals(finalRung.get(t.bracket()))) continue;
                double s = t.score(metric);
                if (!Double.isFinite(s)) continue;
                if (best == null || direction.better(s, best.score(metric))) best = t;
            }
            return Optional.ofNullable(best);
        }

        /** Intermediate scores of one fold, checked against the median rule. */
        private final class FoldReporter implements IntermediateReporter {
            private final List<TrialResult> peers;
            private final int fold;
            private final Map<Integer, Double> intermediate = new TreeMap<>();
            private boolean stopped;

            FoldReporter(List<TrialResult> peers, int fold) {
                this.peers = peers;
                this.fold = fold;
            }

            public boolean report(int step, double score) {
                intermediate.put(step, score);
                if (!stopped && medianStop != null) stopped = medianStop.stop(peers, fold, step, score, direction);
                return stopped;
            }

            public boolean stopped() {
                return stopped;
            }
        }
    }

    /** A trial whose folds are running. */
    private final class PendingTrial {
        final TrialSpec spec;
        final FoldResult[] folds;
        final AtomicInteger remaining;
        volatile boolean abandoned;

        PendingTrial(TrialSpec spec) {
            this.spec = spec;
            this.folds = new FoldResult[SearchRunner.this.folds];
            this.remaining = new AtomicInteger(SearchRunner.this.folds);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mlopt-search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Settings of a search; only the sampler and objective are required. */
    public static final class Builder {
        private final Sampler sampler;
        private final Objective objective;
        private int folds = 5;
        private String metric = "accuracy";
        private Direction direction;
        private int parallel = 1;
        private int threads;
        private long seed;
        private Scheduler scheduler = Scheduler.NONE;
        private MedianStoppingRule medianStop;
        private Path folder;
        private AtomicBoolean cancel = new AtomicBoolean();
        private Consumer<TrialResult> listener;

        private Builder(Sampler sampler, Objective objective) {
            this.sampler = sampler;
            this.objective = objective;
        }

        /** Cross-validation folds per trial (default 5). */
        public Builder folds(int folds) {
            if (folds < 1) throw new IllegalArgumentException("folds must be >= 1, got " + folds);
            this.folds = folds;
            return this;
        }

        /** The metric ranking trials (default accuracy) and its direction (default: inferred from the name). */
        public Builder metric(String metric, Direction direction) {
            this.metric = metric;
            this.direction = direction;
            return this;
        }

        /** The script's {@code parallel}: the wave size of adaptive proposals and the default thread count. */
        public Builder parallel(int parallel) {
            if (parallel < 1) throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
            this.parallel = parallel;
            return this;
        }

        /** Pool threads (default: {@code parallel}); changes wall time only, never results. */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            this.threads = threads;
            return this;
        }

        /** The seed fit seeds derive from. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        public Builder medianStop(MedianStoppingRule rule) {
            this.medianStop = rule;
            return this;
        }

        /** Where {@code trials.jsonl}, {@code trials.csv} and {@code result.json} go. */
        public Builder folder(Path folder) {
            this.folder = folder;
            return this;
        }

        /** A flag that, once set, stops the search from starting new folds. */
        public Builder cancel(AtomicBoolean flag) {
            this.cancel = flag;
            return this;
        }

        /** Called after every finished trial (one call at a time), e.g. to redraw a live table. */
        public Builder onTrial(Consumer<TrialResult> listener) {
            this.listener = listener;
            return this;
        }

        public SearchRunner build() {
            return new SearchRunner(this);
        }
    }
}
