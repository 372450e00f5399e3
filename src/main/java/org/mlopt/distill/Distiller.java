package org.mlopt.distill;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.mlopt.autodiff.Graph;
import org.mlopt.autodiff.LabelBuffer;
import org.mlopt.autodiff.Node;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Program;
import org.mlopt.autodiff.Tensor;
import org.mlopt.loss.Loss;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;
import org.mlopt.optim.OptimizerState;
import org.mlopt.prune.ModelMeasures;
import org.mlopt.train.Dataset;
import org.mlopt.train.EpochRecord;
import org.mlopt.train.History;
import org.mlopt.train.Trainer;

/**
 * Knowledge distillation: trains a student on
 * {@code (1 − α)·CE(y, s) + α·T²·KL(softmax(t/T) ‖ softmax(s/T))} (classification, KL from
 * log-softmax with batch mean, {@link Loss.Distillation}) or {@code (1 − α)·MSE(y, s) + α·MSE(t, s)}
 * (regression, {@link Loss.MseToTeacher}). The teacher's outputs are computed once, in evaluation
 * mode, before training.
 *
 * <p>An optional transfer set (features without labels, classification only) adds soft targets:
 * its rows are shuffled together with the labelled rows every epoch and batches are cut from the
 * mixture, so a batch holds labelled and transfer rows in proportion to their counts. The CE term
 * averages over the labelled rows of the batch (0 when there are none) and the KL term over all
 * rows ({@link SoftTargetLoss}).
 */
public final class Distiller {

    private static final int TEACHER_CHUNK = 256;

    private Distiller() {}

    /** The teacher's outputs (logits) for every row of {@code x}, in evaluation mode (no dropout). */
    public static Tensor teacherOutputs(Network teacher, Tensor x) {
        Tensor in = x.precision() == teacher.spec().precision() ? x : convert(x, teacher.spec().precision());
        Tensor out = Tensor.zeros(teacher.spec().precision(), x.rows(), teacher.spec().outputs());
        teacher.predict(in, out, Math.max(1, Math.min(x.rows(), TEACHER_CHUNK)));
        return out;
    }

    /**
     * Distils {@code teacher} into a student compiled from {@code studentSpec} (its seed fixes the
     * initial weights), on {@code labelled} plus the optional unlabelled {@code transfer} features
     * (null for none); scores on {@code eval} (may be null).
     */
    public static DistillResult distill(Network teacher, NetworkSpec studentSpec, Dataset labelled, Tensor transfer,
            DistillConfig config, Dataset eval) {
        if (teacher.spec().outputs() != studentSpec.outputs()) {
            throw new IllegalArgumentException("the teacher has " + teacher.spec().outputs()
                    + " outputs and the student " + studentSpec.outputs() + ": distillation needs the same width");
        }
        if (teacher.spec().inputs() != studentSpec.inputs()) {
            throw new IllegalArgumentException("the teacher reads " + teacher.spec().inputs()
                    + " features and the student " + studentSpec.inputs());
        }
        boolean classification = labelled.labels() != null;
        if (transfer != null && !classification) {
            throw new IllegalArgumentException("a transfer set is supported for classification only");
        }
        if (transfer != null && transfer.cols() != studentSpec.inputs()) {
            throw new IllegalArgumentException("the transfer set has " + transfer.cols() + " features, the student reads "
                    + studentSpec.inputs());
        }
        Network student = Network.compile(studentSpec);
        History history;
        if (transfer == null) {
            Dataset withTeacher = labelled.withTeacher(teacherOutputs(teacher, labelled.features()));
            Loss loss = classification ? new Loss.Distillation(config.alpha(), config.temperature())
                    : new Loss.MseToTeacher(config.alpha());
            history = new Trainer(student, loss, config.optimizer(), config.train()).fit(withTeacher);
        } else {
            history = fitWithTransfer(teacher, student, labelled, transfer, config);
        }
        Network baseline = null;
        History baselineHistory = null;
        if (config.baseline()) {
            baseline = Network.compile(studentSpec);
            Loss loss = classification ? new Loss.CrossEntropy() : new Loss.MeanSquaredError();
            baselineHistory = new Trainer(baseline, loss, config.optimizer(), config.train()).fit(labelled);
        }
        return new DistillResult(student, history, score(student, eval), baseline, baselineHistory,
                baseline == null ? Double.NaN : score(baseline, eval), score(teacher, eval));
    }

    /**
     * One distillation per seed, in order: {@code spec.apply(seed)} and {@code config.apply(seed)}
     * give that seed's student (its initial weights) and settings (its shuffles; a fresh config per
     * seed, as learning-rate schedules keep state between epochs). The first result is what
     * {@link #distill} gives for the first seed. Stops after the current seed when the config's
     * cancellation flag is raised.
     */
    public static List<DistillResult> distillSeeds(Network teacher, List<Long> seeds, LongFunction<NetworkSpec> spec,
            LongFunction<DistillConfig> config, Dataset labelled, Tensor transfer, Dataset eval) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("distillation over seeds needs at least one seed");
        }
        List<DistillResult> out = new ArrayList<>();
        for (long seed : seeds) {
            DistillConfig c = config.apply(seed);
            out.add(distill(teacher, spec.apply(seed), labelled, transfer, c, eval));
            if (c.train().cancelled() != null && c.train().cancelled().getAsBoolean()) {
                break;
            }
        }
        return out;
    }

    /** Accuracy for labelled data, mean squared error for targets, NaN without data. */
    public static double score(Network network, Dataset eval) {
        if (eval == null) {
            return Double.NaN;
        }
        if (eval.labels() != null) {
            return ModelMeasures.accuracy(network, eval);
        }
        Tensor p = network.predict(convert(eval.features(), network.spec().precision()));
        double s = 0;
        for (int k = 0; k < p.size(); k++) {
            double d = p.get(k) - eval.targets().get(k);
            s += d * d;
        }
        return s / p.size();
    }

    /** The mixed labelled + transfer loop (the Trainer's loss set is closed, so this attaches its own op). */
    private static History fitWithTransfer(Network teacher, Network student, Dataset labelled, Tensor transfer,
            DistillConfig config) {
        var tc = config.train();
        if (tc.earlyStopping() != null || tc.validationFraction() > 0.0 || tc.regularizer() != null || tc.clipNorm() > 0.0) {
            throw new IllegalArgumentException("with a transfer set, distillation supports epochs, batch, seed, shuffle and"
                    + " a learning-rate schedule; drop early stopping, validation fraction, regularizer and clip_norm");
        }
        Precision p = student.spec().precision();
        int nl = labelled.size();
        int n = nl + transfer.rows();
        int d = student.spec().inputs();
        int k = student.spec().outputs();
        Tensor x = Tensor.zeros(p, n, d);
        int[] y = new int[n];
        for (int r = 0; r < n; r++) {
            Tensor src = r < nl ? labelled.features() : transfer;
            int row = r < nl ? r : r - nl;
            for (int j = 0; j < d; j++) {
                x.set(r * d + j, src.get(row * d + j));
            }
            y[r] = r < nl ? labelled.labels()[r] : SoftTargetLoss.UNLABELLED;
            if (r < nl && (y[r] < 0 || y[r] >= k)) {
                throw new IllegalArgumentException("label " + y[r] + " in row " + (r + 1) + " is outside [0, " + (k - 1) + "]");
            }
        }
        Tensor t = convert(teacherOutputs(teacher, x), p);
        Graph g = student.graph();
        LabelBuffer labels = g.labels("labels");
        Node teacherIn = g.input("teacher", k);
        Node loss = g.apply(new SoftTargetLoss(student.output(), teacherIn, labels, config.alpha(), config.temperature()));
        int batch = tc.batchSize() == 0 || tc.batchSize() >= n ? n : tc.batchSize();
        Program program = g.compile(loss, batch);
        List<Tensor> values = new ArrayList<>();
        List<Tensor> grads = new ArrayList<>();
        for (Node param : student.parameters()) {
            values.add(param.value());
            grads.add(param.grad());
        }
        OptimizerState state = config.optimizer().init(values);
        SplittableRandom shuffle = new SplittableRandom(tc.seed());
        int[] perm = new int[n];
        List<EpochRecord> records = new ArrayList<>();
        g.setTraining(true);
        History.StopReason reason = History.StopReason.COMPLETED;
        epochs:
        for (int epoch = 0; epoch < tc.epochs(); epoch++) {
            double lr = tc.schedule() == null ? config.optimizer().learningRate()
                    : tc.schedule().learningRate(epoch, config.optimizer().learningRate());
            state.setLearningRate(lr);
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            if (tc.shuffle()) {
                for (int i = n - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int tmp = perm[i];
                    perm[i] = perm[j];
                    perm[j] = tmp;
                }
            }
            double total = 0;
            for (int start = 0; start < n; start += batch) {
                if (tc.cancelled() != null && tc.cancelled().getAsBoolean()) {
                    reason = History.StopReason.CANCELLED;
                    break epochs;
                }
                int m = Math.min(batch, n - start);
                program.setBatch(m);
                copyRows(x, perm, start, m, student.input().value());
                copyRows(t, perm, start, m, teacherIn.value());
                int[] lb = labels.array();
                for (int r = 0; r < m; r++) {
                    lb[r] = y[perm[start + r]];
                }
                labels.setSize(m);
                program.forward();
                double v = program.value();
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException("distillation diverged at epoch " + (epoch + 1)
                            + ": the loss became " + v + "; try a smaller learning rate");
                }
                program.backward();
                config.optimizer().update(grads, state, values);
                if (tc.afterStep() != null) {
                    tc.afterStep().afterUpdate(epoch + 1, start / batch + 1);
                }
                total += v * m;
            }
            records.add(new EpochRecord(epoch + 1, lr, java.util.Map.of("loss", total / n)));
            if (tc.schedule() != null) {
                tc.schedule().endOfEpoch(epoch, total / n);
            }
        }
        g.setTraining(false);
        return new History(records, reason, 0);
    }

    private static void copyRows(Tensor src, int[] perm, int start, int m, Tensor dst) {
        int d = src.cols();
        for (int r = 0; r < m; r++) {
            int from = perm[start + r] * d;
            for (int j = 0; j < d; j++) {
                dst.set(r * d + j, src.get(from + j));
            }
        }
    }

    private static Tensor convert(Tensor x, Precision p) {
        if (x.precision() == p) {
            return x;
        }
        Tensor out = Tensor.zeros(p, x.rows(), x.cols());
        for (int i = 0; i < x.size(); i++) {
            out.set(i, x.get(i));
        }
        return out;
    }
}
