package org.mlopt.search;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A one-dimensional Parzen estimator over a bounded interval as Optuna's TPE builds it
 * ({@code optuna.samplers._tpe.parzen_estimator}, univariate, {@code consider_prior},
 * {@code consider_magic_clip}, no endpoints): one truncated Gaussian per observation plus a
 * prior Gaussian at the interval's centre with the interval's width as sigma. Each kernel's sigma
 * is the larger gap to its sorted neighbours (interval ends included; the outermost kernels use
 * their inner gap), clipped to [width / min(100, 1 + kernels), width].
 */
final class ParzenEstimator {

    private final double low;
    private final double high;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] weights;
    private final double[] logNormalisers;

    /**
     * @param observations values in the (possibly log-transformed) interval, in trial order
     * @param low          lower bound of the interval
     * @param high         upper bound of the interval
     * @param priorWeight  weight of the prior kernel relative to observation weights
     */
    ParzenEstimator(double[] observations, double low, double high, double priorWeight) {
        this.low = low;
        this.high = high;
        int n = observations.length;
        mus = Arrays.copyOf(observations, n + 1);
        mus[n] = 0.5 * (low + high);
        double width = high - low;
        sigmas = new double[n + 1];
        Integer[] order = new Integer[n + 1];
        for (int i = 0; i <= n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(mus[a], mus[b]));
        double[] withEnds = new double[n + 3];
        withEnds[0] = low;
        for (int i = 0; i <= n; i++) withEnds[i + 1] = mus[order[i]];
        withEnds[n + 2] = high;
        double[] sorted = new double[n + 1];
        for (int i = 0; i <= n; i++) sorted[i] = Math.max(withEnds[i + 1] - withEnds[i], withEnds[i + 2] - withEnds[i + 1]);
        if (withEnds.length >= 4) {
            sorted[0] = withEnds[2] - withEnds[1];
            sorted[n] = withEnds[n + 1] - withEnds[n];
        }
        double minSigma = width / Math.min(100.0, 1.0 + (n + 1));
        for (int i = 0; i <= n; i++) sigmas[order[i]] = Math.min(Math.max(sorted[i], minSigma), width);
        sigmas[n] = width;

        weights = new double[n + 1];
        double[] w = TpeSampler.defaultWeights(n);
        double total = priorWeight;
        for (int i = 0; i < n; i++) total += w[i];
        for (int i = 0; i < n; i++) weights[i] = w[i] / total;
        weights[n] = priorWeight / total;

        logNormalisers = new double[n + 1];
        for (int i = 0; i <= n; i++)
            logNormalisers[i] = Math.log(Normal.cdf((high - mus[i]) / sigmas[i]) - Normal.cdf((low - mus[i]) / sigmas[i]));
    }

    /** A draw: a kernel by weight, then its Gaussian truncated to the interval (by rejection). */
    double sample(SplittableRandom random) {
        int k = pick(weights, random.nextDouble());
        for (int attempt = 0; attempt < 1000; attempt++) {
            double x = mus[k] + sigmas[k] * random.nextGaussian();
            if (x >= low && x <= high) return x;
        }
        return Math.min(high, Math.max(low, mus[k]));
    }

    /** Log density of the mixture at {@code x}. */
    double logPdf(double x) {
        double[] terms = new double[mus.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mus.length; i++) {
            double z = (x - mus[i]) / sigmas[i];
            terms[i] = Math.log(weights[i]) - 0.5 * z * z - Math.log(sigmas[i]) - 0.5 * Math.log(2 * Math.PI) - logNormalisers[i];
            max = Math.max(max, terms[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) return max;
        double sum = 0;
        for (double t : terms) sum += Math.exp(t - max);
        return max + Math.log(sum);
    }

    /** The index whose cumulative weight first exceeds {@code u} (weights sum to 1). */
    static int pick(double[] weights, double u) {
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            if (u < acc) return i;
        }
        return weights.length - 1;
    }
}
