package org.mlopt.prune;

import java.util.ArrayList;
import java.util.List;

/**
 * The cumulative sparsity of every pruning phase, as the planner computes it:
 * one-shot (one phase at s); iterative with n steps (phase i reaches 1 − (1 − s)^(i/n), removing
 * the same share of the remaining weights each time, then fine-tunes); gradual over n epochs (Zhu
 * and Gupta 2017: phase t = 1..n reaches s + (s₀ − s)(1 − t/n)^p and is followed by one training
 * epoch, the masks updated between epochs).
 */
public record PruneSchedule(Kind kind, List<Double> sparsities) {

    /** The schedule families. */
    public enum Kind { ONE_SHOT, ITERATIVE, GRADUAL }

    public PruneSchedule {
        sparsities = List.copyOf(sparsities);
        if (sparsities.isEmpty()) {
            throw new IllegalArgumentException("a pruning schedule needs at least one phase");
        }
    }

    public static PruneSchedule oneShot(double target) {
        PruneChecks.sparsity(target);
        return new PruneSchedule(Kind.ONE_SHOT, List.of(target));
    }

    public static PruneSchedule iterative(double target, int steps) {
        PruneChecks.sparsity(target);
        if (steps < 1) {
            throw new IllegalArgumentException("iterative pruning needs at least 1 step, got " + steps);
        }
        List<Double> out = new ArrayList<>();
        for (int i = 1; i <= steps; i++) {
            out.add(1 - Math.pow(1 - target, (double) i / steps));
        }
        return new PruneSchedule(Kind.ITERATIVE, out);
    }

    /** Zhu and Gupta's polynomial schedule s_t = s_f + (s_i − s_f)(1 − t/n)^power, t = 1..n. */
    public static PruneSchedule gradual(double target, int epochs, double power, double initial) {
        PruneChecks.sparsity(target);
        PruneChecks.sparsity(initial);
        if (epochs < 1) {
            throw new IllegalArgumentException("gradual pruning needs at least 1 epoch, got " + epochs);
        }
        if (!(power > 0.0) || Double.isInfinite(power)) {
            throw new IllegalArgumentException("gradual pruning power must be positive, got " + power);
        }
        List<Double> out = new ArrayList<>();
        for (int t = 1; t <= epochs; t++) {
            out.add(target + (initial - target) * Math.pow(1 - (double) t / epochs, power));
        }
        return new PruneSchedule(Kind.GRADUAL, out);
    }

    public double target() {
        return sparsities.get(sparsities.size() - 1);
    }
}
