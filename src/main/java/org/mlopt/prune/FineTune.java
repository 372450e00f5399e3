package org.mlopt.prune;

import org.mlopt.loss.Loss;
import org.mlopt.optim.Optimizer;
import org.mlopt.train.Dataset;
import org.mlopt.train.History;
import org.mlopt.train.TrainConfig;
import org.mlopt.train.Trainer;

/**
 * How to fine-tune after pruning: loss, a fresh optimizer state per phase, and the training
 * config (epochs, batch, seed, early stopping, validation...). The masks are added to the config's
 * step listener.
 */
public record FineTune(Loss loss, Optimizer optimizer, TrainConfig config, Dataset validation) {

    public FineTune {
        if (loss == null || optimizer == null || config == null) {
            throw new IllegalArgumentException("fine-tuning needs a loss, an optimizer and a training config");
        }
    }

    /** Fine-tuning that validates on a share of its data (the config's), or on none. */
    public FineTune(Loss loss, Optimizer optimizer, TrainConfig config) {
        this(loss, optimizer, config, null);
    }

    /** The same, validating on {@code validation} (a split part) instead of a share of the training data. */
    public FineTune withValidation(Dataset validation) {
        return new FineTune(loss, optimizer, config, validation);
    }

    /** Trains with these settings' validation data, if any. */
    History fit(Trainer trainer, Dataset train) {
        return validation == null ? trainer.fit(train) : trainer.fit(train, validation);
    }

    /** {@code epochs} epochs of cross-entropy with {@code optimizer}, batch {@code batch}, shuffle seed {@code seed}. */
    public static FineTune crossEntropy(Optimizer optimizer, int epochs, int batch, long seed) {
        return new FineTune(new Loss.CrossEntropy(), optimizer, TrainConfig.of(epochs, batch, seed));
    }

    /** The same with {@code epochs} epochs. */
    public FineTune withEpochs(int epochs) {
        TrainConfig c = config;
        return new FineTune(loss, optimizer, new TrainConfig(epochs, c.batchSize(), c.seed(), c.shuffle(),
                c.validationFraction(), c.clipNorm(), c.schedule(), c.regularizer(), c.earlyStopping(),
                c.cancelled(), c.afterStep()), validation);
    }
}
