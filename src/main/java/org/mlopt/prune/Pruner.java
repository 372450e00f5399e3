package org.mlopt.prune;

import java.util.ArrayList;
import java.util.List;
import org.mlopt.autodiff.Tensor;
import org.mlopt.nn.Network;
import org.mlopt.train.Dataset;
import org.mlopt.train.History;
import org.mlopt.train.TrainConfig;
import org.mlopt.train.Trainer;

/**
 * Runs a pruning schedule on a copy of a trained network: prune to each phase's sparsity,
 * optionally rewind the surviving weights to their initial values (lottery ticket), fine-tune with
 * the masks held at zero, and measure the model before, after pruning and after fine-tuning.
 *
 * <p>The masks hook into {@link Trainer} through {@link TrainConfig#afterStep()}: after every
 * optimizer update the pruned weights are set back to exactly zero, so neither the gradient nor
 * momentum or weight decay can regrow them.
 */
public final class Pruner {

    /** The pruned network, its masks (all null after neuron pruning), the report and the fine-tuning histories. */
    public record Result(Network network, PruningMasks masks, CompressionReport report, List<History> fineTuning) {
        public Result {
            fineTuning = List.copyOf(fineTuning);
        }
    }

    /**
     * What to run: {@code fineTune} may be null (prune only); {@code rewindTo} (parameters in
     * {@link Network#parameters()} order, e.g. a snapshot taken before training) is the lottery-ticket
     * rewind target or null; {@code eval} (may be null) is where accuracy and inference time are
     * measured, over {@code timingRepeats} repeats.
     */
    public record Job(PruneSchedule schedule, FineTune fineTune, List<Tensor> rewindTo, Dataset eval, int timingRepeats) {
        public Job {
            if (schedule == null) {
                throw new IllegalArgumentException("a pruning job needs a schedule");
            }
            if (schedule.kind() == PruneSchedule.Kind.GRADUAL && fineTune == null) {
                throw new IllegalArgumentException("gradual pruning trains between phases: give the fine-tuning settings");
            }
            if (schedule.kind() == PruneSchedule.Kind.GRADUAL && rewindTo != null) {
                throw new IllegalArgumentException("rewinding applies to one_shot and iterative schedules, not gradual");
            }
            rewindTo = rewindTo == null ? null : List.copyOf(rewindTo);
        }
    }

    private Pruner() {}

    /** A new network with the same spec and parameter values. */
    public static Network copy(Network network) {
        Network c = Network.compile(network.spec());
        c.restore(network.snapshot());
        return c;
    }

    /** Magnitude pruning of a copy of {@code trained}; {@code method}'s sparsity is replaced by each phase's. */
    public static Result magnitude(Network trained, MagnitudePruning method, Job job, Dataset train) {
        Network net = copy(trained);
        ModelSnapshot before = ModelMeasures.snapshot(net, null, job.eval(), job.timingRepeats());
        List<History> histories = new ArrayList<>();
        List<Double> phases = job.schedule().sparsities();
        PruningMasks masks;
        ModelSnapshot afterPruning;
        int epochs = 0;
        if (job.schedule().kind() == PruneSchedule.Kind.GRADUAL) {
            GradualMasks gradual = new GradualMasks(net, method, phases, batchesPerEpoch(job.fineTune().config(), train));
            FineTune ft = job.fineTune().withEpochs(phases.size());
            TrainConfig config = ft.config().withAfterStep(gradual.listener(ft.config().afterStep()));
            History h = new Trainer(net, ft.loss(), ft.optimizer(), config).fit(train);
            histories.add(h);
            epochs += h.epochs().size();
            masks = MagnitudePruner.prune(net, method.withSparsity(job.schedule().target()), gradual.current());
            afterPruning = ModelMeasures.snapshot(net, masks, job.eval(), job.timingRepeats());
            return new Result(net, masks, new CompressionReport(before, afterPruning, afterPruning, phases, epochs), histories);
        }
        masks = null;
        afterPruning = null;
        for (double s : phases) {
            masks = MagnitudePruner.prune(net, method.withSparsity(s), masks);
            if (job.rewindTo() != null) {
                net.restore(job.rewindTo());
                masks.apply(net);
            }
            afterPruning = ModelMeasures.snapshot(net, masks, job.eval(), job.timingRepeats());
            if (job.fineTune() != null) {
                FineTune ft = job.fineTune();
                History h = new Trainer(net, ft.loss(), ft.optimizer(), masks.keepingZero(net, ft.config())).fit(train);
                masks.apply(net);
                histories.add(h);
                epochs += h.epochs().size();
            }
        }
        ModelSnapshot after = job.fineTune() == null ? afterPruning
                : ModelMeasures.snapshot(net, masks, job.eval(), job.timingRepeats());
        return new Result(net, masks, new CompressionReport(before, afterPruning, after, phases, epochs), histories);
    }

    /**
     * Neuron pruning: every phase removes units from the current network (the phase's sparsity is the
     * share of the original hidden units gone so far) and fine-tunes the smaller network. Gradual
     * schedules are not supported here (the network changes shape at every phase).
     */
    public static Result neurons(Network trained, NeuronPruning method, Job job, Dataset train) {
        if (job.schedule().kind() == PruneSchedule.Kind.GRADUAL) {
            throw new IllegalArgumentException("neuron pruning supports one_shot and iterative schedules, not gradual");
        }
        Network net = copy(trained);
        ModelSnapshot before = ModelMeasures.snapshot(net, null, job.eval(), job.timingRepeats());
        List<History> histories = new ArrayList<>();
        int[] original = new int[net.spec().layers().size()];
        for (int i = 0; i < original.length; i++) {
            original[i] = net.spec().layers().get(i).units();
        }
        List<int[]> keptOriginal = null;
        ModelSnapshot afterPruning = null;
        int epochs = 0;
        for (double s : job.schedule().sparsities()) {
            NeuronPruning phase = method.withSparsity(relativeSparsity(net, original, method, s));
            List<int[]> kept = NeuronPruner.selectKept(net, phase);
            keptOriginal = compose(keptOriginal, kept);
            net = job.rewindTo() != null
                    ? NeuronPruner.build(trained.spec(), job.rewindTo(), keptOriginal, false)
                    : NeuronPruner.shrink(net, kept, true);
            afterPruning = ModelMeasures.snapshot(net, null, job.eval(), job.timingRepeats());
            if (job.fineTune() != null) {
                FineTune ft = job.fineTune();
                History h = new Trainer(net, ft.loss(), ft.optimizer(), ft.config()).fit(train);
                histories.add(h);
                epochs += h.epochs().size();
            }
        }
        ModelSnapshot after = job.fineTune() == null ? afterPruning
                : ModelMeasures.snapshot(net, null, job.eval(), job.timingRepeats());
        return new Result(net, PruningMasks.none(net.spec().layers().size()),
                new CompressionReport(before, afterPruning, after, job.schedule().sparsities(), epochs), histories);
    }

    /** The share of the current units to remove so that {@code target} of the original ones are gone. */
    private static double relativeSparsity(Network net, int[] original, NeuronPruning method, double target) {
        int layers = original.length;
        int origTotal = 0;
        int nowTotal = 0;
        for (int i = 0; i < layers - 1; i++) {
            if (method.layers() == null || method.layers().contains(i)) {
                origTotal += original[i];
                nowTotal += net.spec().layers().get(i).units();
            }
        }
        if (nowTotal == 0) {
            return 0.0;
        }
        double remove = target * origTotal - (origTotal - nowTotal);
        return Math.max(0.0, Math.min(remove / nowTotal, Math.nextDown(1.0)));
    }

    /** Original indices of the units kept after a further selection {@code next} of the current ones. */
    private static List<int[]> compose(List<int[]> keptSoFar, List<int[]> next) {
        if (keptSoFar == null) {
            return next;
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            int[] n = next.get(i);
            int[] o = new int[n.length];
            for (int j = 0; j < n.length; j++) {
                o[j] = keptSoFar.get(i)[n[j]];
            }
            out.add(o);
        }
        return out;
    }

    private static int batchesPerEpoch(TrainConfig config, Dataset train) {
        int n = train.size();
        if (config.validationFraction() > 0.0) {
            n -= (int) Math.round(n * config.validationFraction());
        }
        int batch = config.batchSize() == 0 || config.batchSize() >= n ? n : config.batchSize();
        return (n + batch - 1) / batch;
    }

    /** The masks of a gradual schedule: raised to the next phase's sparsity after each epoch's last batch. */
    private static final class GradualMasks {
        private final Network net;
        private final MagnitudePruning method;
        private final List<Double> phases;
        private final int batches;
        private PruningMasks current;

        GradualMasks(Network net, MagnitudePruning method, List<Double> phases, int batches) {
            this.net = net;
            this.method = method;
            this.phases = phases;
            this.batches = batches;
            this.current = MagnitudePruner.prune(net, method.withSparsity(phases.get(0)), null);
        }

        PruningMasks current() {
            return current;
        }

        TrainConfig.StepListener listener(TrainConfig.StepListener own) {
            return (epoch, batch) -> {
                if (batch == batches && epoch < phases.size()) {
                    current = MagnitudePruner.prune(net, method.withSparsity(phases.get(epoch)), current);
                } else {
                    current.apply(net);
                }
                if (own != null) {
                    own.afterUpdate(epoch, batch);
                }
            };
        }
    }
}
