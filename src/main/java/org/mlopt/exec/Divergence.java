package org.mlopt.exec;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Notices a training run that blew up without producing NaN: the loss climbed far above its best
 * and stayed there (SGD with momentum 0.9 and lr 0.1 on the digits network does this on some
 * seeds, in PyTorch too). NaN and infinite losses stop training earlier, in the trainer.
 */
final class Divergence {

    /** The final loss must exceed the best by this much, and by {@link #RATIO} times, to count. */
    static final double GAP = 0.5;
    static final double RATIO = 2.0;

    private Divergence() {}

    /** A message saying what happened and what to try, or null for a healthy run. */
    static String check(String model, List<Map<String, Double>> history) {
        if (history.size() < 2) return null;
        int bestEpoch = 0;
        for (int i = 1; i < history.size(); i++)
            if (history.get(i).get("loss") < history.get(bestEpoch).get("loss")) bestEpoch = i;
        double best = history.get(bestEpoch).get("loss");
        double last = history.get(history.size() - 1).get("loss");
        if (!(last > RATIO * best && last - best > GAP)) return null;
        return String.format(Locale.ROOT, "training of %s diverged: the loss fell to %.4f at epoch %d, then rose to %.4f by epoch %d;"
                        + " the model ended much worse than it was. Try a smaller learning rate (e.g. a tenth), gradient clipping"
                        + " (clip_norm: 1.0), or early_stop: { metric: val_loss, restore_best: true } with validate: 0.1",
                model, best, bestEpoch + 1, last, history.size());
    }
}
