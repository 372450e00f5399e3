package org.mlopt.plan;

import org.mlopt.ast.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The phases of a pruning schedule and the cumulative sparsity each one reaches.
 *
 * <ul>
 *   <li>{@code one_shot}: one phase at the target sparsity {@code s}.</li>
 *   <li>{@code iterative(steps: n)}: phase {@code i} reaches {@code 1 - (1 - s)^(i/n)}, removing
 *       the same share of the remaining weights each time (Frankle and Carbin's iterative pruning).</li>
 *   <li>{@code gradual(epochs: n, power: p, initial: s0)}: phase {@code t = 1..n} reaches
 *       {@code s + (s0 - s) * (1 - t/n)^p} and is followed by one training epoch (Zhu and Gupta, 2017).</li>
 * </ul>
 */
record PruneSchedule(String kind, List<Double> sparsities) {

    PruneSchedule {
        sparsities = List.copyOf(sparsities);
    }

    static PruneSchedule of(Expr schedule, double target) {
        String kind = schedule == null ? "one_shot" : Values.name(schedule);
        List<Double> out = new ArrayList<>();
        switch (kind) {
            case "iterative" -> {
                int n = (int) Values.number(Values.arg(schedule, "steps", 0), 3);
                for (int i = 1; i <= n; i++) out.add(1 - Math.pow(1 - target, (double) i / n));
            }
            case "gradual" -> {
                int n = (int) Values.number(Values.arg(schedule, "epochs", 0), 10);
                double power = Values.number(Values.arg(schedule, "power", -1), 3);
                double initial = Values.number(Values.arg(schedule, "initial", -1), 0);
                for (int t = 1; t <= n; t++) out.add(target + (initial - target) * Math.pow(1 - (double) t / n, power));
            }
            default -> out.add(target);
        }
        return new PruneSchedule(kind, out);
    }

    boolean gradual() {
        return kind.equals("gradual");
    }
}
