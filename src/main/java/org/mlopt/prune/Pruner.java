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
        if (job.schedule().kind() == PruneSchedule.Kind.GRADUAL) {
            return gradual(net, method, job, train, before);
        }
        List<History> histories = new ArrayList<>();
        List<Double> phases = job.schedule().sparsities();
        List<PruneStage> stages = new ArrayList<>();
        PruningMasks masks = null;
        ModelSnapshot afterPruning = null;
        int epochs = 0;
        for (double s : phases) {
            masks = MagnitudePruner.prune(net, method.withSparsity(s), masks);
            if (job.rewindTo() != null) {
                net.restore(job.rewindTo());
                masks.apply(net);
            }
            afterPruning = ModelMeasures.snapshot(net, masks, job.eval(), job.timingRepeats());
            double tuned = Double.NaN;
            if (job.fineTune() != null) {
                FineTune ft = job.fineTune();
                History h = ft.fit(new Trainer(net, ft.loss(), ft.optimizer(), masks.keepingZero(net, ft.config())), train);
                masks.apply(net);
                histories.add(h);
                epochs += h.epochs().size();
                tuned = ModelMeasures.accuracy(net, job.eval());
            }
            stages.add(new PruneStage(s, afterPruning.accuracy(), tuned));
        }
        ModelSnapshot after = job.fineTune() == null ? afterPruning
                : ModelMeasures.snapshot(net, masks, job.eval(), job.timingRepeats());
        return new Result(net, masks, new CompressionReport(before, afterPruning, after, phases, epochs,
                lastTunedAs(stages, job.fineTune() == null ? null : after)), histories);
    }

    /**
     * Gradual magnitude pruning: one training run whose masks rise to the next phase's sparsity after
     * each epoch, then the fine-tuning settings' own epochs at the target with the masks kept. A phase's accuracy after fine-tuning is measured at the end of its epoch, before the
     * next pruning. When training ends early (early stopping, cancellation), the target is reached by
     * one last pruning without fine-tuning.
     */
    private static Result gradual(Network net, MagnitudePruning method, Job job, Dataset train, ModelSnapshot before) {
        List<Double> phases = job.schedule().sparsities();
        double target = job.schedule().target();
        GradualMasks gradual = new GradualMasks(net, method, phases, batchesPerEpoch(job.fineTune().config(), train),
                job.eval(), job.timingRepeats());
        FineTune ft = job.fineTune().withEpochs(phases.size());
        TrainConfig config = ft.config().withAfterStep(gradual.listener(ft.config().afterStep()));
        History h = ft.fit(new Trainer(net, ft.loss(), ft.optimizer(), config), train);
        PruningMasks masks = MagnitudePruner.prune(net, method.withSparsity(target), gradual.current());
        List<History> histories = new ArrayList<>(List.of(h));
        int epochs = h.epochs().size();
        boolean complete = gradual.phase() == phases.size() - 1 && h.epochs().size() == phases.size();
        if (complete && job.fineTune().config().epochs() > 0) {
            // Then the fine-tuning settings' own epochs at the target sparsity, masks kept.
            FineTune last = job.fineTune();
            History tuned = last.fit(new Trainer(net, last.loss(), last.optimizer(), masks.keepingZero(net, last.config())), train);
            masks.apply(net);
            histories.add(tuned);
            epochs += tuned.epochs().size();
        }
        ModelSnapshot after = ModelMeasures.snapshot(net, masks, job.eval(), job.timingRepeats());
        List<PruneStage> stages = new ArrayList<>(gradual.finished());
        ModelSnapshot afterPruning;
        ModelSnapshot afterFineTuning;
        if (complete) {
            stages.add(new PruneStage(target, gradual.pendingAccuracy(), after.accuracy()));
            afterPruning = gradual.lastPhase();
            afterFineTuning = after;
        } else {
            double reached = phases.get(gradual.phase());
            stages.add(new PruneStage(reached, gradual.pendingAccuracy(), Double.NaN));
            if (target != reached) {
                stages.add(new PruneStage(target, after.accuracy(), Double.NaN));
            }
            afterPruning = target == reached && gradual.lastPhase() != null ? gradual.lastPhase() : after;
            afterFineTuning = after;
        }
        return new Result(net, masks, new CompressionReport(before, afterPruning, afterFineTuning, phases, epochs,
                stages), histories);
    }

    /** The stages with the last one's accuracy after fine-tuning taken from {@code after} (null: left as is). */
    private static List<PruneStage> lastTunedAs(List<PruneStage> stages, ModelSnapshot after) {
        if (after == null || stages.isEmpty()) {
            return stages;
        }
        List<PruneStage> out = new ArrayList<>(stages);
        PruneStage last = out.get(out.size() - 1);
        out.set(out.size() - 1, new PruneStage(last.sparsity(), last.accuracyAfterPruning(), after.accuracy()));
        return out;
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
        List<PruneStage> stages = new ArrayList<>();
        int epochs = 0;
        for (double s : job.schedule().sparsities()) {
            NeuronPruning phase = method.withSparsity(relativeSparsity(net, original, method, s));
            List<int[]> kept = NeuronPruner.selectKept(net, phase);
            keptOriginal = compose(keptOriginal, kept);
            net = job.rewindTo() != null
                    ? NeuronPruner.build(trained.spec(), job.rewindTo(), keptOriginal, false)
                    : NeuronPruner.shrink(net, kept, true);
            afterPruning = ModelMeasures.snapshot(net, null, job.eval(), job.timingRepeats());
            double tuned = Double.NaN;
            if (job.fineTune() != null) {
                FineTune ft = job.fineTune();
                History h = ft.fit(new Trainer(net, ft.loss(), ft.optimizer(), ft.config()), train);
                histories.add(h);
                epochs += h.epochs().size();
                tuned = ModelMeasures.accuracy(net, job.eval());
            }
            stages.add(new PruneStage(s, afterPruning.accuracy(), tuned));
        }
        ModelSnapshot after = job.fineTune() == null ? afterPruning
                : ModelMeasures.snapshot(net, null, job.eval(), job.timingRepeats());
        return new Result(net, PruningMasks.none(net.spec().layers().size()),
                new CompressionReport(before, afterPruning, after, job.schedule().sparsities(), epochs,
                        lastTunedAs(stages, job.fineTune() == null ? null : after)), histories);
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
        if (nowTotal == origTotal) {
            return target; // the first phase prunes exactly as one-shot pruning at that sparsity would
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

    /**
     * The masks of a gradual schedule: raised to the next phase's sparsity after each epoch's last
     * batch. Accuracies are measured on a separate copy of the network, so the training graph's
     * buffers (which the trainer still reads after the step) are left alone.
     */
    private static final class GradualMasks {
        private final Network net;
        private final MagnitudePruning method;
        private final List<Double> phases;
        private final int batches;
        private final Dataset eval;
        private final int timingRepeats;
        private final Network probe;
        private final List<PruneStage> finished = new ArrayList<>();
        private PruningMasks current;
        private int phase;
        private double pendingAccuracy;
        private ModelSnapshot lastPhase;

        GradualMasks(Network net, MagnitudePruning method, List<Double> phases, int batches, Dataset eval, int timingRepeats) {
            this.net = net;
            this.method = method;
            this.phases = phases;
            this.batches = batches;
            this.eval = eval;
            this.timingRepeats = timingRepeats;
            this.probe = Network.compile(net.spec());
            this.current = MagnitudePruner.prune(net, method.withSparsity(phases.get(0)), null);
            pruned();
        }

        PruningMasks current() {
            return current;
        }

        /** Index of the phase the masks are at. */
        int phase() {
            return phase;
        }

        /** Phases pruned and trained for their epoch. */
        List<PruneStage> finished() {
            return finished;
        }

        /** Accuracy right after the current phase's pruning. */
        double pendingAccuracy() {
            return pendingAccuracy;
        }

        /** The model right after the last phase's pruning (null until reached). */
        ModelSnapshot lastPhase() {
            return lastPhase;
        }

        private void pruned() {
            probe.restore(net.snapshot());
            if (phase == phases.size() - 1) {
                lastPhase = ModelMeasures.snapshot(probe, current, eval, timingRepeats);
                pendingAccuracy = lastPhase.accuracy();
            } else {
                pendingAccuracy = ModelMeasures.accuracy(probe, eval);
            }
        }

        private double accuracy() {
            if (eval == null) {
                return Double.NaN;
            }
            probe.restore(net.snapshot());
            return ModelMeasures.accuracy(probe, eval);
        }

        TrainConfig.StepListener listener(TrainConfig.StepListener own) {
            return (epoch, batch) -> {
                current.apply(net);
                if (batch == batches && epoch < phases.size()) {
                    finished.add(new PruneStage(phases.get(phase), pendingAccuracy, accuracy()));
                    phase = epoch;
                    current = MagnitudePruner.prune(net, method.withSparsity(phases.get(epoch)), current);
                    pruned();
                }
                if (own != null) {
                    own.afterUpdate(epoch, batch);
                }
            };
        }
    }
}
