package org.mlopt.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The rungs of successive halving and Hyperband.
 *
 * <p>Successive halving (as scikit-learn's {@code HalvingGridSearchCV}): rung {@code i} trains
 * {@code ceil(n / factor^i)} configurations with {@code min_resource * factor^i} resource units;
 * there are {@code min(1 + floor(log_factor(n)), 1 + floor(log_factor(max / min)))} rungs.
 * With no fixed candidate count, {@code n = factor^(rungs - 1)} so the last rung reaches the
 * maximum resource (scikit-learn's {@code n_candidates='exhaust'}).
 *
 * <p>Hyperband (Li et al., JMLR 2018, Algorithm 1) with {@code R = max / min} and
 * {@code s_max = floor(log_factor(R))}: bracket {@code s = s_max..0} starts
 * {@code ceil((s_max + 1) / (s + 1) * factor^s)} configurations at {@code R * factor^-s} units and
 * runs successive halving inside it, rung {@code i} keeping {@code floor(n * factor^-i)}.
 */
public final class HalvingRungs {

    private HalvingRungs() {}

    /** {@code floor(log_factor(ratio))}, exact for integer powers. */
    static int floorLog(double factor, double ratio) {
        int k = 0;
        double p = factor;
        while (p <= ratio * (1 + 1e-12)) {
            k++;
            p *= factor;
        }
        return k;
    }

    /** Configurations that exactly fill the rungs between the two resources. */
    public static int exhaustConfigs(double factor, double minResource, double maxResource) {
        return (int) Math.round(Math.pow(factor, floorLog(factor, maxResource / minResource)));
    }

    public static List<Rung> halving(int configs, double factor, double minResource, double maxResource) {
        int possible = 1 + floorLog(factor, maxResource / minResource);
        int required = 1 + floorLog(factor, configs);
        int rungs = Math.min(possible, required);
        List<Rung> out = new ArrayList<>();
        double divisor = 1;
        double resource = minResource;
        for (int i = 0; i < rungs; i++) {
            out.add(new Rung(0, i, (int) Math.ceil(configs / divisor - 1e-9), resource));
            divisor *= factor;
            resource *= factor;
        }
        return out;
    }

    public static List<Rung> hyperband(double factor, double minResource, double maxResource) {
        double ratio = maxResource / minResource;
        int sMax = floorLog(factor, ratio);
        List<Rung> out = new ArrayList<>();
        for (int s = sMax; s >= 0; s--) {
            int bracket = sMax - s;
            double n = Math.ceil((sMax + 1.0) / (s + 1) * Math.pow(factor, s) - 1e-9);
            double r = ratio * Math.pow(factor, -s);
            for (int i = 0; i <= s; i++) {
                int configs = (int) Math.floor(n * Math.pow(factor, -i) + 1e-9);
                out.add(new Rung(bracket, i, Math.max(1, configs), minResource * r * Math.pow(factor, i)));
            }
        }
        return out;
    }
}
