package org.mlopt.distill;

import org.mlopt.autodiff.LabelBuffer;
import org.mlopt.autodiff.Node;
import org.mlopt.autodiff.Op;
import org.mlopt.autodiff.Tensor;

/**
 * Distillation over a batch that mixes labelled rows and unlabelled transfer rows (label
 * {@link #UNLABELLED}):
 * {@code (1 − α)·CE over the labelled rows (mean over them; 0 when the batch has none)
 *  + α·T²·KL(softmax(t/T) ‖ softmax(s/T)) over all rows (batch mean)}, both from log-softmax.
 * On a batch without transfer rows it equals {@code Loss.Distillation}. Gradient w.r.t. the
 * student logits: (1 − α)/L·(softmax(s) − onehot(y)) on labelled rows + α·T/B·(softmax(s/T) − softmax(t/T)).
 */
public final class SoftTargetLoss extends Op {

    /** The label of a transfer row: soft targets only. */
    public static final int UNLABELLED = -1;

    private final LabelBuffer labels;
    private final double alpha;
    private final double temperature;
    private double[] hardProbs = new double[0];
    private double[] studentSoft = new double[0];
    private double[] teacherSoft = new double[0];
    private int labelledRows;

    public SoftTargetLoss(Node student, Node teacher, LabelBuffer labels, double alpha, double temperature) {
        super(student, teacher);
        if (student.cols() != teacher.cols()) {
            throw new IllegalArgumentException("distillation: student has " + student.cols() + " outputs, teacher "
                    + teacher.cols());
        }
        if (teacher.requiresGrad()) {
            throw new IllegalArgumentException("distillation: teacher logits must be data, not trainable");
        }
        if (!(alpha >= 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("distillation alpha must be in [0, 1], got " + alpha);
        }
        if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        this.labels = labels;
        this.alpha = alpha;
        this.temperature = temperature;
    }

    public String name() {
        return "soft_target_distillation";
    }

    protected int outCols() {
        return 1;
    }

    protected boolean outBatchRows() {
        return false;
    }

    protected java.util.List<LabelBuffer> labelInputs() {
        return java.util.List.of(labels);
    }

    protected void plan(int maxBatch) {
        int need = maxBatch * in[0].cols();
        if (hardProbs.length < need) {
            hardProbs = new double[need];
            studentSoft = new double[need];
            teacherSoft = new double[need];
        }
    }

    /** Writes softmax(x_row/scale) into {@code probs} and returns logsumexp(x_row/scale). */
    private static double softmax(Tensor x, int base, int k, double scale, double[] probs) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, x.get(base + c) / scale);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            double e = Math.exp(x.get(base + c) / scale - max);
            probs[base + c] = e;
            sum += e;
        }
        for (int c = 0; c < k; c++) {
            probs[base + c] /= sum;
        }
        return max + Math.log(sum);
    }

    protected void forward() {
        Tensor s = in[0].value();
        Tensor t = in[1].value();
        int rows = s.rows();
        int k = s.cols();
        if (labels.size() != rows) {
            throw new IllegalStateException(name() + ": " + labels.size() + " labels for " + rows + " rows");
        }
        double ce = 0;
        double kl = 0;
        labelledRows = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * k;
            int y = labels.get(r);
            if (y != UNLABELLED) {
                if (y < 0 || y >= k) {
                    throw new IllegalArgumentException("class label " + y + " in batch row " + r
                            + " is outside [0, " + (k - 1) + "]");
                }
                double lse = softmax(s, base, k, 1.0, hardProbs);
                ce += lse - s.get(base + y);
                labelledRows++;
            }
            double lseS = softmax(s, base, k, temperature, studentSoft);
            double lseT = softmax(t, base, k, temperature, teacherSoft);
            for (int c = 0; c < k; c++) {
                double logP = t.get(base + c) / temperature - lseT;
                double logQ = s.get(base + c) / temperature - lseS;
                kl += Math.exp(logP) * (logP - logQ);
            }
        }
        double hard = labelledRows == 0 ? 0.0 : ce / labelledRows;
        out.value().set(0, (1.0 - alpha) * hard + alpha * temperature * temperature * kl / rows);
    }

    protected void backward() {
        Node student = in[0];
        if (!wants(student)) {
            return;
        }
        boolean first = overwrite(student);
        Tensor g = student.grad();
        int rows = student.value().rows();
        int k = student.cols();
        double seed = out.grad().get(0);
        double soft = seed * alpha * temperature / rows;
        double hard = labelledRows == 0 ? 0.0 : seed * (1.0 - alpha) / labelledRows;
        for (int r = 0; r < rows; r++) {
            int y = labels.get(r);
            for (int c = 0; c < k; c++) {
                int i = r * k + c;
                double v = soft * (studentSoft[i] - teacherSoft[i]);
                if (y != UNLABELLED) {
                    v += hard * (hardProbs[i] - (c == y ? 1.0 : 0.0));
                }
                g.set(i, first ? v : g.get(i) + v);
            }
        }
    }
}
