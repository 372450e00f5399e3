package org.mlopt.search;

import org.mlopt.plan.SeedSequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Tree-structured Parzen Estimator as Optuna's default {@code TPESampler} runs it (independent
 * per dimension): the first {@code startup} configurations are random draws (the same draws as
 * {@link RandomSampler} with this seed); afterwards the complete trials are ranked by score and
 * the best {@code gamma(n) = min(ceil(0.1 n), 25)} form the "good" set, the rest the "bad" set.
 * For every active dimension a Parzen estimator l(x) is fitted to the good values and g(x) to the
 * bad ones (log scale for loguniform, a categorical kernel mixture for lists and choices),
 * {@code candidates} values are drawn from l and the one with the largest l(x)/g(x) is taken.
 * Observation weights follow Optuna's {@code default_weights} (older trials ramp down after 25);
 * the prior weighs 1.
 *
 * <p>Determinism: the proposal depends only on the seed, its index and the history the runner
 * passes, which holds exactly the trials of earlier waves ({@code parallel} trials per wave), so
 * results do not depend on thread count or completion order. Pruned and failed trials are not
 * observations.
 */
public final class TpeSampler implements Sampler {

    private static final double PRIOR_WEIGHT = 1.0;

    private final SearchSpace space;
    private final int trials;
    private final int startup;
    private final int candidates;
    private final long seed;

    public TpeSampler(SearchSpace space, int trials, int startup, long seed) {
        this(space, trials, startup, 24, seed);
    }

    public TpeSampler(SearchSpace space, int trials, int startup, int candidates, long seed) {
        if (trials < 1) throw new IllegalArgumentException("tpe needs trials >= 1, got " + trials);
        if (startup < 1) throw new IllegalArgumentException("tpe needs startup >= 1, got " + startup);
        if (candidates < 1) throw new IllegalArgumentException("tpe needs candidates >= 1, got " + candidates);
        this.space = space;
        this.trials = trials;
        this.startup = startup;
        this.candidates = candidates;
        this.seed = seed;
    }

    public int size() {
        return trials;
    }

    public boolean adaptive() {
        return true;
    }

    public String describe() {
        return "tpe(trials: " + trials + ", startup: " + startup + ", seed: " + seed + ")";
    }

    /** Optuna's {@code default_gamma}: how many of n trials are "good". */
    static int gamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    /** Optuna's {@code default_weights}: ones, with a linear ramp from 1/n for all but the newest 25. */
    static double[] defaultWeights(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        if (n >= 25) {
            int ramp = n - 25;
            for (int i = 0; i < ramp; i++) w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
        }
        return w;
    }

    public Config propose(int index, History history) {
        List<TrialResult> complete = history.complete();
        if (complete.size() < startup) return space.sample(RandomSampler.generator(seed, index));
        String metric = history.metric();
        List<TrialResult> ranked = new ArrayList<>(complete);
        // a stable sort of trials in number order: equal scores keep the earlier trial first
        ranked.sort((a, b) -> history.direction().compare(a.mean(metric), b.mean(metric)));
        int good = gamma(complete.size());
        List<TrialResult> below = new ArrayList<>(ranked.subList(0, good));
        List<TrialResult> above = new ArrayList<>(ranked.subList(good, ranked.size()));
        Comparator<TrialResult> byNumber = Comparator.comparingInt(TrialResult::number);
        below.sort(byNumber);
        above.sort(byNumber);

        SplittableRandom random = new SplittableRandom(SeedSequence.of(seed).child(index).child(1).seed());
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (Dimension d : space.resolutionOrder()) {
            if (!d.active(chosen)) continue;
            chosen.put(d.name(), sampleDimension(d, below, above, random));
        }
        return space.inDeclarationOrder(chosen);
    }

    private Object sampleDimension(Dimension d, List<TrialResult> below, List<TrialResult> above, SplittableRandom random) {
        Domain domain = d.domain();
        if (domain instanceof Domain.GridValues || domain instanceof Domain.Choice) {
            List<Object> values = domain.values();
            double[] l = categorical(indices(d.name(), values, below), values.size());
            double[] g = categorical(indices(d.name(), values, above), values.size());
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < candidates; c++) {
                int x = ParzenEstimator.pick(l, random.nextDouble());
                double s = Math.log(l[x]) - Math.log(g[x]);
                if (best < 0 || s > bestScore) {
                    best = x;
                    bestScore = s;
                }
            }
            return values.get(best);
        }
        NumericScale scale = NumericScale.of(domain);
        ParzenEstimator l = new ParzenEstimator(scale.observations(d.name(), below), scale.low(), scale.high(), PRIOR_WEIGHT);
        ParzenEstimator g = new ParzenEstimator(scale.observations(d.name(), above), scale.low(), scale.high(), PRIOR_WEIGHT);
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            // integer and q-grid draws are scored by the density at the grid point
            double x = scale.snap(l.sample(random));
            double s = l.logPdf(x) - g.logPdf(x);
            if (Double.isNaN(best) || s > bestScore) {
                best = x;
                bestScore = s;
            }
        }
        return scale.value(best);
    }

    private static List<Integer> indices(String key, List<Object> values, List<TrialResult> trials) {
        List<Integer> out = new ArrayList<>();
        for (TrialResult t : trials) {
            if (!t.config().has(key)) continue;
            Object v = t.config().get(key);
            for (int i = 0; i < values.size(); i++)
                if (ConfigValues.same(values.get(i), v)) {
                    out.add(i);
                    break;
                }
        }
        return out;
    }

    /**
     * Probabilities of a categorical Parzen estimator: kernel k puts {@code prior / kernels} on
     * every choice plus 1 on its observation (normalised); the prior kernel is uniform; kernels mix
     * with the default weights.
     */
    private static double[] categorical(List<Integer> observed, int choices) {
        int n = observed.size();
        double[] w = defaultWeights(n);
        double total = PRIOR_WEIGHT;
        for (double x : w) total += x;
        double[] p = new double[choices];
        int kernels = n + 1;
        double base = PRIOR_WEIGHT / kernels;
        for (int k = 0; k < n; k++) {
            double norm = base * choices + 1;
            for (int c = 0; c < choices; c++) p[c] += w[k] / total * (base + (c == observed.get(k) ? 1 : 0)) / norm;
        }
        for (int c = 0; c < choices; c++) p[c] += PRIOR_WEIGHT / total / choices;
        return p;
    }

    /**
     * Where a numeric dimension's Parzen estimator lives: the log scale for loguniform, half a step
     * beyond the end integers for randint (as Optuna's integer distributions), [low, high] for
     * quniform, whose draws are then rounded to multiples of q as its definition says.
     */
    private record NumericScale(Domain domain, double low, double high) {
        static NumericScale of(Domain d) {
            if (d instanceof Domain.Uniform u) return new NumericScale(d, u.low(), u.high());
            if (d instanceof Domain.LogUniform u) return new NumericScale(d, Math.log(u.low()), Math.log(u.high()));
            if (d instanceof Domain.RandInt r) return new NumericScale(d, r.low() - 0.5, r.high() - 1 + 0.5);
            Domain.QUniform q = (Domain.QUniform) d;
            return new NumericScale(d, q.low(), q.high());
        }

        double[] observations(String key, List<TrialResult> trials) {
            List<Double> out = new ArrayList<>();
            for (TrialResult t : trials) {
                if (!t.config().has(key) || !(t.config().get(key) instanceof Double v)) continue;
                out.add(domain instanceof Domain.LogUniform ? Math.log(v) : v);
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** Rounds a draw onto the dimension's grid (integers, q-steps), in this scale. */
        double snap(double x) {
            if (domain instanceof Domain.RandInt r) return Math.min(r.high() - 1, Math.max(r.low(), Math.rint(x)));
            if (domain instanceof Domain.QUniform q) return q.round(x);
            return x;
        }

        Object value(double x) {
            return domain instanceof Domain.LogUniform ? Math.exp(x) : x;
        }
    }
}
