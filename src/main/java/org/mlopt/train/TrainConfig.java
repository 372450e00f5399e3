package org.mlopt.train;

import java.util.function.BooleanSupplier;
import org.mlopt.optim.LrSchedule;
import org.mlopt.optim.Regularizer;

/**
 * How to train: epochs; batch size (0, or ≥ the number of samples, means full-batch gradient
 * descent; 1 is stochastic; otherwise mini-batch, the last partial batch kept); seed for the
 * per-epoch shuffles and the validation split; validation fraction (used when no validation set is
 * given); gradient clipping by global norm (0 = off); optional schedule, regularizer, early
 * stopping, cancellation flag (checked between batches) and a listener called after every
 * parameter update (for instance to re-apply pruning masks).
 */
public record TrainConfig(int epochs, int batchSize, long seed, boolean shuffle, double validationFraction,
        double clipNorm, LrSchedule schedule, Regularizer regularizer, EarlyStopping earlyStopping,
        BooleanSupplier cancelled, StepListener afterStep) {

    public TrainConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be positive (0 for full batch), got " + batchSize);
        }
        if (!(validationFraction >= 0.0 && validationFraction < 1.0)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        if (!(clipNorm >= 0.0)) {
            throw new IllegalArgumentException("clip_norm must be non-negative, got " + clipNorm);
        }
    }

    /** {@code epochs} of mini-batches of {@code batchSize}, shuffled with {@code seed}, nothing else. */
    public static TrainConfig of(int epochs, int batchSize, long seed) {
        return new TrainConfig(epochs, batchSize, seed, true, 0.0, 0.0, null, null, null, null, null);
    }

    public TrainConfig withValidationFraction(double f) {
        return new TrainConfig(epochs, batchSize, seed, shuffle, f, clipNorm, schedule, regularizer, earlyStopping, cancelled, afterStep);
    }

    public TrainConfig withClipNorm(double c) {
        return new TrainConfig(epochs, batchSize, seed, shuffle, validationFraction, c, schedule, regularizer, earlyStopping, cancelled, afterStep);
    }

    public TrainConfig withSchedule(LrSchedule s) {
        return new TrainConfig(epochs, batchSize, seed, shuffle, validationFraction, clipNorm, s, regularizer, earlyStopping, cancelled, afterStep);
    }

    public TrainConfig withRegularizer(Regularizer r) {
        return new TrainConfig(epochs, batchSize, seed, shuffle, validationFraction, clipNorm, schedule, r, earlyStopping, cancelled, afterStep);
    }

    public TrainConfig withEarlyStopping(EarlyStopping e) {
        return new TrainConfig(epochs, batchSize, seed, shuffle, validationFraction, clipNorm, schedule, regularizer, e, cancelled, afterStep);
    }

    public TrainConfig withCancellation(BooleanSupplier c) {
        return new TrainConfig(epochs, batchSize, seed, shuffle, validationFraction, clipNorm, schedule, regularizer, earlyStopping, c, afterStep);
    }

    public TrainConfig withAfterStep(StepListener l) {
        return new TrainConfig(epochs, batchSize, seed, shuffle, validationFraction, clipNorm, schedule, regularizer, earlyStopping, cancelled, l);
    }

    public TrainConfig withShuffle(boolean s) {
        return new TrainConfig(epochs, batchSize, seed, s, validationFraction, clipNorm, schedule, regularizer, earlyStopping, cancelled, afterStep);
    }

    /** Called after every optimizer update with the 1-based epoch and batch; must not allocate. */
    @FunctionalInterface
    public interface StepListener {
        void afterUpdate(int epoch, int batch);
    }
}
