package org.mlopt.autodiff;

/**
 * The error function to double precision (Java's Math has none), for the exact GELU that PyTorch
 * uses by default. |x| < 2.5: the all-positive series erf x = 2/√π e^{-x²} Σ (2x²)ⁿ x / (2n+1)!!
 * (no cancellation); beyond, the continued fraction of erfc evaluated backwards to a fixed depth.
 */
public final class Erf {

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;

    private Erf() {}

    public static double erf(double x) {
        double ax = Math.abs(x);
        if (ax < 2.5) {
            double x2 = x * x;
            double term = x;
            double sum = x;
            for (int n = 1; n < 200; n++) {
                term *= 2 * x2 / (2 * n + 1);
                sum += term;
                if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
        }
        double r = ax > 6.0 ? 1.0 : 1.0 - erfcLarge(ax);
        return x < 0 ? -r : r;
    }

    /** erfc(x) for x ≥ 2.5: e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))). */
    private static double erfcLarge(double x) {
        double f = x;
        for (int k = 60; k >= 1; k--) {
            f = x + (k * 0.5) / f;
        }
        return ONE_OVER_SQRT_PI * Math.exp(-x * x) / f;
    }
}
