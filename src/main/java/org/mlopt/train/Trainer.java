package org.mlopt.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mlopt.autodiff.Graph;
import org.mlopt.autodiff.Node;
import org.mlopt.autodiff.Program;
import org.mlopt.autodiff.Tensor;
import org.mlopt.loss.Loss;
import org.mlopt.loss.LossHead;
import org.mlopt.nn.Network;
import org.mlopt.optim.GradientClipping;
import org.mlopt.optim.Optimizer;
import org.mlopt.optim.OptimizerState;
import org.mlopt.tensor.RowGather;

/**
 * The training loop. The loss (and penalty) are attached to the network's graph once, when the
 * trainer is made; the batch loop then only copies rows into planned buffers, runs the compiled
 * program forward and backward and updates parameters in place: no allocation per batch.
 *
 * <p>Each epoch visits the samples in a fresh permutation from one generator seeded with the
 * config's seed (so the same seed gives bit-identical weights), keeps the last partial batch,
 * checks the cancellation flag between batches and stops with a {@link DivergenceException} as soon
 * as the loss or a parameter is NaN or infinite.
 *
 * <p>After every epoch it evaluates the validation data (loss, and accuracy for class labels) and
 * the {@link ValidationMetric}s that early stopping or a {@link MonitoredSchedule} watch, once per
 * epoch from the outputs of that same pass; early stopping follows {@link StoppingRule}.
 */
public final class Trainer {

    private static final int EVAL_CHUNK = 256;

    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final TrainConfig config;
    private final LossHead head;
    private final Node objective;
    private final Node[] params;
    private final List<Tensor> paramValues = new ArrayList<>();
    private final List<Tensor> paramGrads = new ArrayList<>();
    private EpochListener epochListener = (epoch, record) -> {};
    private OptimizerState state;

    public Trainer(Network network, Loss loss, Optimizer optimizer, TrainConfig config) {
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.config = config;
        Graph g = network.graph();
        this.head = loss.attach(g, network.output());
        this.objective = config.regularizer() == null ? head.loss()
                : g.add(head.loss(), config.regularizer().attach(g, network.weights()));
        this.params = network.parameters().toArray(new Node[0]);
    }

    public Network network() {
        return network;
    }

    /** Called after every epoch with its figures, for progress displays; must be quick. */
    @FunctionalInterface
    public interface EpochListener {
        void epochEnded(int epoch, EpochRecord record);
    }

    /** Reports every finished epoch to {@code listener}; returns this trainer. */
    public Trainer onEpoch(EpochListener listener) {
        this.epochListener = listener == null ? (epoch, record) -> {} : listener;
        return this;
    }

    /** The optimizer state after {@link #fit} (null before). */
    public OptimizerState optimizerState() {
        return state;
    }

    /** Trains on {@code train}, holding out the config's validation fraction if it is positive. */
    public History fit(Dataset train) {
        if (config.validationFraction() > 0.0) {
            int n = train.size();
            int nVal = (int) Math.round(n * config.validationFraction());
            if (nVal < 1 || nVal >= n) {
                throw new IllegalArgumentException("validation fraction " + config.validationFraction()
                        + " of " + n + " samples leaves no training or no validation data");
            }
            int[] perm = identity(n);
            shuffle(perm, n, new SplittableRandom(config.seed() ^ 0x9E3779B97F4A7C15L));
            int[] trIdx = java.util.Arrays.copyOfRange(perm, 0, n - nVal);
            int[] vaIdx = java.util.Arrays.copyOfRange(perm, n - nVal, n);
            java.util.Arrays.sort(trIdx);
            java.util.Arrays.sort(vaIdx);
            return fit(train.select(trIdx, precision()), train.select(vaIdx, precision()));
        }
        return fit(train, null);
    }

    /** Trains on {@code train}, evaluating on {@code validation} (may be null) after every epoch. */
    public History fit(Dataset train, Dataset validation) {
        Dataset tr = checked(train, "training");
        Dataset va = validation == null ? null : checked(validation, "validation");
        int n = tr.size();
        int batch = config.batchSize() == 0 || config.batchSize() >= n ? n : config.batchSize();
        Program program = network.graph().compile(objective, batch);
        Program evalProgram = va == null ? null : network.graph().compile(head.loss(), Math.min(EVAL_CHUNK, va.size()));
        paramValues.clear();
        paramGrads.clear();
        for (Node p : params) {
            paramValues.add(p.value());
            paramGrads.add(p.grad());
        }
        state = optimizer.init(paramValues);
        EarlyStopping es = config.earlyStopping();
        MonitoredSchedule watchedSchedule = config.schedule() instanceof MonitoredSchedule ms ? ms : null;
        List<ValidationMetric> watched = watchedMetrics(es, watchedSchedule);
        checkMonitor("early stopping", es == null ? null : es.monitor(), watched, va != null);
        checkMonitor("the schedule", watchedSchedule == null ? null : watchedSchedule.monitor(), watched, va != null);
        ValidationOutputs outputs = va == null || watched.isEmpty() ? null : validationOutputs(va, watched);
        List<Tensor> best = es != null && es.restoreBest() ? network.snapshot() : null;
        StoppingRule rule = es == null ? null : StoppingRule.of(es);
        int[] perm = identity(n);
        SplittableRandom shuffleRandom = new SplittableRandom(config.seed());
        List<EpochRecord> history = new ArrayList<>();
        History.StopReason reason = History.StopReason.COMPLETED;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            double lr = config.schedule() == null ? optimizer.learningRate()
                    : config.schedule().learningRate(epoch, optimizer.learningRate());
            state.setLearningRate(lr);
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            if (config.shuffle()) {
                shuffle(perm, n, shuffleRandom);
            }
            EpochTotals totals = runEpoch(program, tr, perm, batch, epoch);
            if (totals == null) {
                reason = History.StopReason.CANCELLED;
                break;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("loss", totals.loss / n);
            if (head.usesLabels()) {
                metrics.put("accuracy", (double) totals.correct / n);
            }
            if (va != null) {
                evaluate(evalProgram, va, metrics, outputs);
                if (outputs != null) {
                    scoreValidation(outputs, watched, metrics);
                }
            }
            EpochRecord record = new EpochRecord(epoch + 1, lr, metrics);
            history.add(record);
            epochListener.epochEnded(epoch + 1, record);
            if (config.schedule() != null) {
                Double m = watchedSchedule != null ? metrics.get(watchedSchedule.monitor())
                        : metrics.getOrDefault("val_loss", metrics.get("loss"));
                config.schedule().endOfEpoch(epoch, m);
            }
            if (rule != null) {
                StoppingRule.Verdict verdict = rule.offer(epoch + 1, metrics.get(es.monitor()));
                if (verdict == StoppingRule.Verdict.IMPROVED && best != null) {
                    for (int i = 0; i < params.length; i++) {
                        best.get(i).copyFrom(params[i].value());
                    }
                } else if (verdict == StoppingRule.Verdict.STOP) {
                    reason = History.StopReason.EARLY_STOPPED;
                    break;
                }
            }
        }
        int bestEpoch = rule == null ? 0 : rule.bestEpoch();
        if (best != null && bestEpoch > 0) {
            network.restore(best);
        }
        return new History(history, reason, bestEpoch);
    }

    /** The validation metrics early stopping and the schedule watch, one per history key. */
    private static List<ValidationMetric> watchedMetrics(EarlyStopping es, MonitoredSchedule schedule) {
        List<ValidationMetric> out = new ArrayList<>();
        for (ValidationMetric m : new ValidationMetric[] {es == null ? null : es.metric(), schedule == null ? null : schedule.metric()}) {
            if (m == null) {
                continue;
            }
            ValidationMetric same = out.stream().filter(o -> o.key().equals(m.key())).findFirst().orElse(null);
            if (same == null) {
                out.add(m);
            } else if (!same.equals(m)) {
                throw new IllegalArgumentException("two different metrics are recorded as '" + m.key() + "'");
            }
        }
        return out;
    }

    private ValidationOutputs validationOutputs(Dataset va, List<ValidationMetric> watched) {
        ValidationOutputs outputs = new ValidationOutputs(loss, va, network.spec().outputs());
        for (ValidationMetric m : watched) {
            if (m.classification() != outputs.classification()) {
                throw new IllegalArgumentException("metric '" + m.metric() + "' is for " + (m.classification() ? "classification" : "regression")
                        + " targets, and this network is trained with " + (outputs.classification() ? "class labels" : "numeric targets"));
            }
        }
        return outputs;
    }

    /** The watched metrics on this epoch's validation outputs, once per epoch. */
    private static void scoreValidation(ValidationOutputs outputs, List<ValidationMetric> watched, Map<String, Double> metrics) {
        boolean probabilities = false;
        for (ValidationMetric m : watched) {
            probabilities |= m.needsProbabilities();
        }
        org.mlopt.metric.Predictions p = outputs.predictions(probabilities);
        for (ValidationMetric m : watched) {
            metrics.put(m.key(), m.score(p));
        }
    }

    private static final class EpochTotals {
        double loss;
        long correct;
    }

    /** One pass over the data; null when cancelled. */
    private EpochTotals runEpoch(Program program, Dataset data, int[] perm, int batch, int epoch) {
        Graph g = network.graph();
        g.setTraining(true);
        EpochTotals totals = new EpochTotals();
        int n = data.size();
        int b = 0;
        for (int start = 0; start < n; start += batch, b++) {
            if (config.cancelled() != null && config.cancelled().getAsBoolean()) {
                return null;
            }
            int m = Math.min(batch, n - start);
            program.setBatch(m);
            gather(data, perm, start, m);
            program.forward();
            double value = program.value();
            if (!Double.isFinite(value)) {
                throw diverged(epoch, b, "the loss became " + describe(value));
            }
            program.backward();
            if (config.clipNorm() > 0.0) {
                GradientClipping.clipByGlobalNorm(paramGrads, config.clipNorm());
            }
            optimizer.update(paramGrads, state, paramValues);
            if (config.afterStep() != null) {
                config.afterStep().afterUpdate(epoch + 1, b + 1);
            }
            // A non-finite weight shows in the next batch's loss, checked above; the full scan of every
            // parameter (a tenth of a large network's step) runs once per epoch for what ReLU can hide.
            if (start + batch >= n) {
                for (Node p : params) {
                    if (!p.value().allFinite()) {
                        throw diverged(epoch, b, "parameter " + p.name() + " became NaN or infinite");
                    }
                }
            }
            totals.loss += value * m;
            if (head.usesLabels()) {
                totals.correct += countCorrect(network.output().value(), head.labels().array(), m);
            }
        }
        return totals;
    }

    private void gather(Dataset data, int[] perm, int start, int m) {
        copyRows(data.features(), perm, start, m, network.input().value());
        if (head.usesLabels()) {
            int[] dst = head.labels().array();
            int[] src = data.labels();
            for (int r = 0; r < m; r++) {
                dst[r] = src[perm[start + r]];
            }
            head.labels().setSize(m);
        } else {
            copyRows(data.targets(), perm, start, m, head.targets().value());
        }
        if (head.teacher() != null) {
            copyRows(data.teacher(), perm, start, m, head.teacher().value());
        }
    }

    private static void copyRows(Tensor src, int[] perm, int start, int m, Tensor dst) {
        int d = src.cols();
        if (src.isFloat()) {
            RowGather.copy(src.fa(), d, perm, start, m, dst.fa());
        } else {
            RowGather.copy(src.da(), d, perm, start, m, dst.da());
        }
    }

    private void evaluate(Program evalProgram, Dataset va, Map<String, Double> metrics, ValidationOutputs outputs) {
        Graph g = network.graph();
        g.setTraining(false);
        int n = va.size();
        int chunk = evalProgram.maxBatch();
        int[] order = identity(n);
        double total = 0;
        long correct = 0;
        try {
            for (int start = 0; start < n; start += chunk) {
                int m = Math.min(chunk, n - start);
                evalProgram.setBatch(m);
                gather(va, order, start, m);
                evalProgram.forward();
                total += evalProgram.value() * m;
                if (outputs != null) {
                    outputs.copy(network.output().value(), start, m);
                }
                if (head.usesLabels()) {
                    correct += countCorrect(network.output().value(), head.labels().array(), m);
                }
            }
        } finally {
            g.setTraining(true);
        }
        metrics.put("val_loss", total / n);
        if (head.usesLabels()) {
            metrics.put("val_accuracy", (double) correct / n);
        }
    }

    /** Rows of {@code scores} whose first maximum is at the label. */
    static long countCorrect(Tensor scores, int[] labels, int m) {
        int k = scores.cols();
        long correct = 0;
        for (int r = 0; r < m; r++) {
            int arg = 0;
            double best = scores.get(r * k);
            for (int c = 1; c < k; c++) {
                double v = scores.get(r * k + c);
                if (v > best) {
                    best = v;
                    arg = c;
                }
            }
            if (arg == labels[r]) {
                correct++;
            }
        }
        return correct;
    }

    private DivergenceException diverged(int epoch, int batch, String what) {
        double lr = state.learningRate();
        StringBuilder msg = new StringBuilder("training diverged at epoch ").append(epoch + 1)
                .append(", batch ").append(batch + 1).append(": ").append(what)
                .append(". Try a smaller learning rate (lr ").append(shortNumber(lr)).append(" → ")
                .append(shortNumber(lr / 10)).append(")");
        if (config.clipNorm() > 0.0) {
            msg.append(", a smaller clip_norm (now ").append(shortNumber(config.clipNorm())).append(")");
        } else {
            msg.append(", gradient clipping (clip_norm: 1.0)");
        }
        msg.append(" or standardized inputs.");
        return new DivergenceException(epoch + 1, batch + 1, msg.toString());
    }

    private static String describe(double v) {
        return Double.isNaN(v) ? "NaN" : (v > 0 ? "+Inf" : "-Inf");
    }

    static String shortNumber(double v) {
        if (v == 0.0 || !Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private Dataset checked(Dataset data, String role) {
        if (data.features().cols() != network.spec().inputs()) {
            throw new IllegalArgumentException("the " + role + " data has " + data.features().cols()
                    + " features but the network expects " + network.spec().inputs());
        }
        if (loss.usesLabels() && data.labels() == null) {
            throw new IllegalArgumentException("the " + role + " data has a target matrix but the loss needs class labels");
        }
        if (!loss.usesLabels()) {
            if (data.targets() == null) {
                throw new IllegalArgumentException("the " + role + " data has class labels but the loss needs a target matrix");
            }
            if (data.targets().cols() != network.spec().outputs()) {
                throw new IllegalArgumentException("the " + role + " targets have " + data.targets().cols()
                        + " columns but the network has " + network.spec().outputs() + " outputs");
            }
        }
        if (loss.usesTeacher() && data.teacher() == null) {
            throw new IllegalArgumentException("the " + role + " data has no teacher outputs, which distillation needs");
        }
        if (data.labels() != null) {
            int k = network.spec().outputs();
            int[] y = data.labels();
            for (int i = 0; i < y.length; i++) {
                if (y[i] < 0 || y[i] >= k) {
                    throw new IllegalArgumentException("the " + role + " label " + y[i] + " in row " + (i + 1)
                            + " is outside [0, " + (k - 1) + "] for a network with " + k + " outputs");
                }
            }
        }
        requireFinite(data.features(), role + " features");
        if (data.targets() != null) {
            requireFinite(data.targets(), role + " targets");
        }
        return data.in(precision());
    }

    private static void requireFinite(Tensor t, String what) {
        if (t.allFinite()) {
            return;
        }
        for (int k = 0; k < t.size(); k++) {
            double v = t.get(k);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the " + what + " hold " + v + " in row " + (k / t.cols() + 1)
                        + ", column " + (k % t.cols() + 1) + ": impute or drop missing values before training");
            }
        }
    }

    private void checkMonitor(String who, String monitor, List<ValidationMetric> watched, boolean hasValidation) {
        if (monitor == null) {
            return;
        }
        List<String> available = new ArrayList<>(List.of("loss"));
        if (loss.usesLabels()) {
            available.add("accuracy");
        }
        if (hasValidation) {
            available.add("val_loss");
            if (loss.usesLabels()) {
                available.add("val_accuracy");
            }
        }
        if (hasValidation) {
            for (ValidationMetric m : watched) {
                if (!available.contains(m.key())) {
                    available.add(m.key());
                }
            }
        }
        if (!available.contains(monitor)) {
            throw new IllegalArgumentException(who + " monitors '" + monitor
                    + "', which this run does not compute; available: " + String.join(", ", available)
                    + (monitor.startsWith("val_") && !hasValidation ? " (give validation data or a validation fraction)" : ""));
        }
    }

    private org.mlopt.autodiff.Precision precision() {
        return network.spec().precision();
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Fisher–Yates on the first {@code n} entries. */
    private static void shuffle(int[] a, int n, SplittableRandom random) {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
