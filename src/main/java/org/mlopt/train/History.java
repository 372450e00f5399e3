package org.mlopt.train;

import java.util.List;

/** What a training run did: per-epoch records, why it stopped, and the best epoch (1-based, 0 if none). */
public record History(List<EpochRecord> epochs, StopReason stopReason, int bestEpoch) {

    /** Why training ended. */
    public enum StopReason { COMPLETED, EARLY_STOPPED, CANCELLED }

    public History {
        epochs = List.copyOf(epochs);
    }

    public EpochRecord last() {
        return epochs.get(epochs.size() - 1);
    }
}
