package org.mlopt.distill;

import org.mlopt.optim.Optimizer;
import org.mlopt.train.TrainConfig;

/**
 * Distillation settings: temperature T &gt; 0 and weight α ∈ [0, 1] of the soft term (for
 * regression α weighs the MSE to the teacher), the optimizer (a fresh state per run), the training
 * config (epochs, batch, shuffle seed...), and whether to also train the student alone as a
 * baseline (same spec, so the same initial weights, and the same config).
 */
public record DistillConfig(double temperature, double alpha, Optimizer optimizer, TrainConfig train, boolean baseline) {

    public DistillConfig {
        if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (!(alpha >= 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("distillation alpha must be in [0, 1], got " + alpha);
        }
        if (optimizer == null || train == null) {
            throw new IllegalArgumentException("distillation needs an optimizer and a training config");
        }
    }
}
