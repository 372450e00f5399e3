package org.mlopt.optim;

/**
 * Learning rate per epoch (0-based), as PyTorch's schedulers stepped once per epoch. The training
 * loop sets the optimizer state's rate from {@link #learningRate} at the start of each epoch and
 * reports the monitored value through {@link #endOfEpoch} (only ReduceOnPlateau uses it).
 */
public interface LrSchedule {

    double learningRate(int epoch, double baseLr);

    default void endOfEpoch(int epoch, double monitored) {
    }

    /** StepLR: base·γ^⌊epoch/stepSize⌋. */
    record StepDecay(int stepSize, double gamma) implements LrSchedule {
        public StepDecay {
            if (stepSize < 1) {
                throw new IllegalArgumentException("step_size must be at least 1, got " + stepSize);
            }
            checkGamma(gamma);
        }

        public double learningRate(int epoch, double baseLr) {
            return baseLr * Math.pow(gamma, epoch / stepSize);
        }
    }

    /** ExponentialLR: base·γ^epoch. */
    record ExponentialDecay(double gamma) implements LrSchedule {
        public ExponentialDecay {
            checkGamma(gamma);
        }

        public double learningRate(int epoch, double baseLr) {
            return baseLr * Math.pow(gamma, epoch);
        }
    }

    /** CosineAnnealingLR (closed form): η_min + (base − η_min)(1 + cos(π·epoch/T_max))/2. */
    record CosineAnnealing(int tMax, double etaMin) implements LrSchedule {
        public CosineAnnealing {
            if (tMax < 1) {
                throw new IllegalArgumentException("T_max must be at least 1, got " + tMax);
            }
            if (!(etaMin >= 0.0)) {
                throw new IllegalArgumentException("eta_min must be non-negative, got " + etaMin);
            }
        }

        public double learningRate(int epoch, double baseLr) {
            return etaMin + (baseLr - etaMin) * (1.0 + Math.cos(Math.PI * epoch / tMax)) / 2.0;
        }
    }

    /**
     * LinearLR warm-up: base·(f + (1 − f)·epoch/warmup) for the first {@code warmupEpochs} epochs,
     * then {@code then} (counted from the end of warm-up), or the base rate when {@code then} is null.
     */
    record LinearWarmup(int warmupEpochs, double startFactor, LrSchedule then) implements LrSchedule {
        public LinearWarmup {
            if (warmupEpochs < 1) {
                throw new IllegalArgumentException("warm-up needs at least 1 epoch, got " + warmupEpochs);
            }
            if (!(startFactor > 0.0 && startFactor <= 1.0)) {
                throw new IllegalArgumentException(
                        "Starting multiplicative factor expected to be greater than 0 and less or equal to 1, got "
                                + startFactor);
            }
        }

        public double learningRate(int epoch, double baseLr) {
            if (epoch < warmupEpochs) {
                return baseLr * (startFactor + (1.0 - startFactor) * epoch / warmupEpochs);
            }
            return then == null ? baseLr : then.learningRate(epoch - warmupEpochs, baseLr);
        }

        public void endOfEpoch(int epoch, double monitored) {
            if (then != null && epoch >= warmupEpochs) {
                then.endOfEpoch(epoch - warmupEpochs, monitored);
            }
        }
    }

    private static void checkGamma(double gamma) {
        if (!(gamma > 0.0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gamma must be positive, got " + gamma);
        }
    }
}
