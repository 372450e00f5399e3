package org.mlopt.distill;

/**
 * Mean and sample standard deviation (n − 1 in the denominator, as numpy's {@code std(ddof=1)})
 * of one figure over several seeds; the deviation is NaN for a single seed.
 */
public record SeedSummary(double mean, double std, int count) {

    /** The summary of {@code values} (at least one). */
    public static SeedSummary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a summary over seeds needs at least one value");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        if (values.length == 1) {
            return new SeedSummary(mean, Double.NaN, 1);
        }
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        return new SeedSummary(mean, Math.sqrt(sq / (values.length - 1)), values.length);
    }
}
