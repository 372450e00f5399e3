package org.mlopt.autodiff;

import java.util.List;
import java.util.SplittableRandom;
import org.mlopt.tensor.ElementKernels;
import org.mlopt.tensor.Parallel;

/**
 * The table of ops: each entry is a forward kernel next to its vector-Jacobian rule. Every rule is
 * gradient-checked against central finite differences in float64 ({@code OpsGradientTest}).
 *
 * <p>Kernels have a float loop and a double loop (see {@link Tensor} for why). Gradients flowing
 * into an input are assigned by the first op that writes them in the backward sweep and added by
 * the others ({@link Op#overwrite(Node)}); accumulation through a matrix product goes via a scratch
 * buffer allocated once, on the first backward pass that needs it.
 */
public final class Ops {

    private Ops() {}

    private static Tensor allocateRows(Precision p, int maxRows, int rows, int cols) {
        Tensor t = Tensor.zeros(p, maxRows, cols);
        t.reshapeRows(rows);
        return t;
    }

    private static void requireSameShape(String op, Node a, Node b) {
        if (a.cols() != b.cols() || a.batchRows() != b.batchRows()
                || (!a.batchRows() && a.fixedRows() != b.fixedRows())) {
            throw new IllegalArgumentException(op + ": shapes differ, " + a + " and " + b);
        }
    }

    /** Base for ops whose scratch buffers follow the batch. */
    private abstract static class BatchOp extends Op {
        int maxBatch = 1;
        int batch = 1;

        BatchOp(Node... in) {
            super(in);
        }

        @Override
        protected void plan(int maxBatch) {
            this.maxBatch = Math.max(this.maxBatch, maxBatch);
        }

        int rowsOf(Node n) {
            return n.batchRows() ? batch : n.fixedRows();
        }

        int capacityRowsOf(Node n) {
            return n.batchRows() ? maxBatch : n.fixedRows();
        }

        Precision precision() {
            return in[0].value.precision();
        }
    }

    // ------------------------------------------------------------------ matrix product

    /** out = x·w. dx = dout·wᵀ, dw = xᵀ·dout. */
    public static final class MatMul extends BatchOp {
        private Tensor scratchX;
        private Tensor scratchW;

        public MatMul(Node x, Node w) {
            super(x, w);
            if (w.batchRows()) {
                throw new IllegalArgumentException("matmul: the right operand must not be batch-shaped");
            }
            if (x.cols() != w.fixedRows()) {
                throw new IllegalArgumentException("matmul: " + x + " times " + w + " do not conform");
            }
        }

        public String name() {
            return "matmul";
        }

        protected int outCols() {
            return in[1].cols();
        }

        protected boolean outBatchRows() {
            return in[0].batchRows();
        }

        protected int outFixedRows() {
            return in[0].fixedRows();
        }

        protected void setBatch(int n) {
            batch = n;
            if (scratchX != null && in[0].batchRows()) {
                scratchX.reshapeRows(n);
            }
        }

        protected void forward() {
            Tensor.mult(in[0].value, in[1].value, out.value);
        }

        protected void backward() {
            Node x = in[0];
            Node w = in[1];
            Tensor dout = out.grad;
            if (wants(w)) {
                if (overwrite(w)) {
                    Tensor.multTransA(x.value, dout, w.grad);
                } else {
                    if (scratchW == null) {
                        scratchW = Tensor.zeros(precision(), w.fixedRows(), w.cols());
                    }
                    Tensor.multTransA(x.value, dout, scratchW);
                    w.grad.addEquals(scratchW);
                }
            }
            if (wants(x)) {
                if (overwrite(x)) {
                    Tensor.multTransB(dout, w.value, x.grad);
                } else {
                    if (scratchX == null) {
                        scratchX = allocateRows(precision(), capacityRowsOf(x), rowsOf(x), x.cols());
                    }
                    Tensor.multTransB(dout, w.value, scratchX);
                    x.grad.addEquals(scratchX);
                }
            }
        }
    }

    // ------------------------------------------------------------------ bias + activation

    /** Element-wise work from this many elements up is split across threads ({@link Parallel}). */
    static final long MIN_SPLIT_ELEMENTS = 8192;

    /** Column shares of a backward pass are whole vectors of 16 floats. */
    private static final int ALIGN_COLUMNS = 16;

    /** Rows of o = act(z + b); fields set before each use, so a pass allocates nothing. */
    private static final class ForwardRows implements Parallel.RangeTask {
        private float[] z;
        private float[] b;
        private float[] o;
        private int cols;
        private boolean relu;

        void set(float[] z, float[] b, float[] o, int cols, boolean relu) {
            this.z = z;
            this.b = b;
            this.o = o;
            this.cols = cols;
            this.relu = relu;
        }

        @Override
        public void run(int from, int to) {
            ElementKernels.get().biasActivate(z, b, o, cols, from, to, relu);
        }
    }

    /**
     * Columns of dz = dout ⊙ act'(out) and of db = Σ_rows dz: split by columns, every column's sum
     * keeps its row order whatever the split.
     */
    private static final class BackwardColumns implements Parallel.RangeTask {
        private float[] o;
        private float[] g;
        private float[] d;
        private float[] db;
        private int rows;
        private int cols;
        private boolean relu;
        private boolean overwriteDb;

        void set(float[] o, float[] g, float[] d, float[] db, int rows, int cols, boolean relu, boolean overwriteDb) {
            this.o = o;
            this.g = g;
            this.d = d;
            this.db = db;
            this.rows = rows;
            this.cols = cols;
            this.relu = relu;
            this.overwriteDb = overwriteDb;
        }

        @Override
        public void run(int from, int to) {
            ElementKernels.get().activationBackward(o, g, d, db, rows, cols, from, to, relu, overwriteDb);
        }
    }

    /**
     * out = act(z + b), b a 1×cols row broadcast over the rows (or absent). Fused so a dense layer
     * makes one pass over its output forward and one backward. dpre = dout ⊙ act'(pre),
     * dz = dpre, db = Σ_rows dpre.
     */
    public static final class BiasActivation extends BatchOp {
        private final Activation act;
        private final boolean hasBias;
        private Tensor pre;
        private Tensor scratch;
        private final ForwardRows forwardTask = new ForwardRows();
        private final BackwardColumns backwardTask = new BackwardColumns();

        public BiasActivation(Node z, Node b, Activation act) {
            super(b == null ? new Node[] {z} : new Node[] {z, b});
            this.act = act;
            this.hasBias = b != null;
            if (b != null && (b.batchRows() || b.fixedRows() != 1 || b.cols() != z.cols())) {
                throw new IllegalArgumentException("bias " + b + " must be 1 x " + z.cols());
            }
        }

        public String name() {
            return act.name().toLowerCase(java.util.Locale.ROOT);
        }

        public Activation activation() {
            return act;
        }

        /** ReLU and identity in float32 go through {@link ElementKernels}, split across threads. */
        private boolean simple() {
            return act == Activation.RELU || act == Activation.IDENTITY;
        }

        protected int outCols() {
            return in[0].cols();
        }

        protected boolean outBatchRows() {
            return in[0].batchRows();
        }

        protected int outFixedRows() {
            return in[0].fixedRows();
        }

        protected void plan(int maxBatch) {
            super.plan(maxBatch);
            Node z = in[0];
            if (act.derivativeNeedsInput() && (pre == null || pre.rows() < capacityRowsOf(z))) {
                pre = Tensor.zeros(precision(), capacityRowsOf(z), z.cols());
            }
            if (scratch == null || scratch.rows() < capacityRowsOf(z)) {
                scratch = Tensor.zeros(precision(), capacityRowsOf(z), z.cols());
            }
        }

        protected void setBatch(int n) {
            batch = n;
            if (in[0].batchRows()) {
                scratch.reshapeRows(n);
                if (pre != null) {
                    pre.reshapeRows(n);
                }
            }
        }

        protected void forward() {
            Tensor z = in[0].value;
            int rows = z.rows();
            int cols = z.cols();
            if (z.isFloat() && simple()) {
                float[] bv = hasBias ? in[1].value.fa() : null;
                forwardTask.set(z.fa(), bv, out.value.fa(), cols, act == Activation.RELU);
                Parallel.forRange(rows, 1, (long) rows * cols, MIN_SPLIT_ELEMENTS, forwardTask);
            } else if (z.isFloat()) {
                float[] zv = z.fa();
                float[] bv = hasBias ? in[1].value.fa() : null;
                float[] o = out.value.fa();
                float[] pv = pre == null ? null : pre.fa();
                for (int r = 0, k = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++, k++) {
                        float v = bv == null ? zv[k] : zv[k] + bv[c];
                        if (act == Activation.RELU) {
                            o[k] = v > 0f ? v : 0f;
                        } else if (act == Activation.IDENTITY) {
                            o[k] = v;
                        } else {
                            if (pv != null) {
                                pv[k] = v;
                            }
                            o[k] = (float) act.apply(v);
                        }
                    }
                }
            } else {
                double[] zv = z.da();
                double[] bv = hasBias ? in[1].value.da() : null;
                double[] o = out.value.da();
                double[] pv = pre == null ? null : pre.da();
                for (int r = 0, k = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++, k++) {
                        double v = bv == null ? zv[k] : zv[k] + bv[c];
                        if (pv != null) {
                            pv[k] = v;
                        }
                        o[k] = act.apply(v);
                    }
                }
            }
        }

        protected void backward() {
            Node z = in[0];
            boolean zWants = wants(z);
            Tensor dst;
            boolean addToZ = false;
            if (zWants && overwrite(z)) {
                dst = z.grad;
            } else {
                dst = scratch;
                addToZ = zWants;
            }
            int n = out.value.size();
            int cols = z.cols();
            boolean wantsBias = hasBias && wants(in[1]);
            if (dst.isFloat() && simple()) {
                boolean overwriteBias = wantsBias && overwrite(in[1]);
                backwardTask.set(out.value.fa(), out.grad.fa(), dst.fa(), wantsBias ? in[1].grad.fa() : null,
                        out.value.rows(), cols, act == Activation.RELU, overwriteBias);
                Parallel.forRange(cols, ALIGN_COLUMNS, n, MIN_SPLIT_ELEMENTS, backwardTask);
                if (addToZ) {
                    z.grad.addEquals(dst);
                }
                return;
            }
            if (dst.isFloat()) {
                float[] d = dst.fa();
                float[] g = out.grad.fa();
                float[] o = out.value.fa();
                float[] pv = pre == null ? null : pre.fa();
                if (act == Activation.RELU) {
                    for (int k = 0; k < n; k++) {
                        d[k] = o[k] > 0f ? g[k] : 0f;
                    }
                } else if (act == Activation.IDENTITY) {
                    System.arraycopy(g, 0, d, 0, n);
                } else {
                    for (int k = 0; k < n; k++) {
                        d[k] = (float) (g[k] * act.derivative(pv == null ? 0.0 : pv[k], o[k]));
                    }
                }
            } else {
                double[] d = dst.da();
                double[] g = out.grad.da();
                double[] o = out.value.da();
                double[] pv = pre == null ? null : pre.da();
                for (int k = 0; k < n; k++) {
                    d[k] = g[k] * act.derivative(pv == null ? 0.0 : pv[k], o[k]);
                }
            }
            if (addToZ) {
                z.grad.addEquals(dst);
            }
            if (hasBias && wants(in[1])) {
                Tensor db = in[1].grad;
                if (overwrite(in[1])) {
                    db.fill(0.0);
                }
                if (db.isFloat()) {
                    float[] b = db.fa();
                    float[] d = dst.fa();
                    for (int k = 0; k < n; k += cols) {
                        for (int c = 0; c < cols; c++) {
                            b[c] += d[k + c];
                        }
                    }
                } else {
                    double[] b = db.da();
                    double[] d = dst.da();
                    for (int k = 0; k < n; k += cols) {
                        for (int c = 0; c < cols; c++) {
                            b[c] += d[k + c];
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ dropout

    /**
     * Inverted dropout: in training mode each element is kept with probability 1−p and scaled by
     * 1/(1−p) (as PyTorch), from a generator seeded once, so the same seed gives the same masks;
     * in evaluation mode the identity. dx = dout ⊙ mask.
     */
    public static final class Dropout extends BatchOp {
        private final Graph graph;
        private final double p;
        private final SplittableRandom random;
        private Tensor mask;
        private boolean masked;

        public Dropout(Graph graph, Node x, double p, long seed) {
            super(x);
            if (!(p >= 0.0 && p < 1.0)) {
                throw new IllegalArgumentException("dropout probability has to be in [0, 1), but got " + p);
            }
            this.graph = graph;
            this.p = p;
            this.random = new SplittableRandom(seed);
        }

        public String name() {
            return "dropout";
        }

        protected int outCols() {
            return in[0].cols();
        }

        protected boolean outBatchRows() {
            return in[0].batchRows();
        }

        protected int outFixedRows() {
            return in[0].fixedRows();
        }

        protected void plan(int maxBatch) {
            super.plan(maxBatch);
            if (mask == null || mask.rows() < capacityRowsOf(in[0])) {
                mask = Tensor.zeros(precision(), capacityRowsOf(in[0]), in[0].cols());
            }
        }

        protected void setBatch(int n) {
            batch = n;
            if (in[0].batchRows()) {
                mask.reshapeRows(n);
            }
        }

        protected void forward() {
            masked = graph.training() && p > 0.0;
            Tensor x = in[0].value;
            if (!masked) {
                out.value.copyFrom(x);
                return;
            }
            int n = x.size();
            double keepScale = 1.0 / (1.0 - p);
            if (x.isFloat()) {
                float[] m = mask.fa();
                float[] xv = x.fa();
                float[] o = out.value.fa();
                float s = (float) keepScale;
                for (int k = 0; k < n; k++) {
                    m[k] = random.nextDouble() >= p ? s : 0f;
                    o[k] = xv[k] * m[k];
                }
            } else {
                double[] m = mask.da();
                double[] xv = x.da();
                double[] o = out.value.da();
                for (int k = 0; k < n; k++) {
                    m[k] = random.nextDouble() >= p ? keepScale : 0.0;
                    o[k] = xv[k] * m[k];
                }
            }
        }

        protected void backward() {
            Node x = in[0];
            if (!wants(x)) {
                return;
            }
            boolean first = overwrite(x);
            int n = out.grad.size();
            Tensor dx = x.grad;
            for (int k = 0; k < n; k++) {
                double g = masked ? out.grad.get(k) * mask.get(k) : out.grad.get(k);
                dx.set(k, first ? g : dx.get(k) + g);
            }
        }
    }

    // ------------------------------------------------------------------ arithmetic

    /** out = a + b (same shapes). da = dout, db = dout. */
    public static final class Add extends Op {
        public Add(Node a, Node b) {
            super(a, b);
            requireSameShape("add", a, b);
        }

        public String name() {
            return "add";
        }

        protected int outCols() {
            return in[0].cols();
        }

        protected boolean outBatchRows() {
            return in[0].batchRows();
        }

        protected int outFixedRows() {
            return in[0].fixedRows();
        }

        protected void forward() {
            out.value.copyFrom(in[0].value);
            out.value.addEquals(in[1].value);
        }

        protected void backward() {
            for (Node i : in) {
                if (wants(i)) {
                    if (overwrite(i)) {
                        i.grad.copyFrom(out.grad);
                    } else {
                        i.grad.addEquals(out.grad);
                    }
                }
            }
        }
    }

    /** out = c·a. da = c·dout. */
    public static final class Scale extends Op {
        private final double c;

        public Scale(Node a, double c) {
            super(a);
            this.c = c;
        }

        public String name() {
            return "scale";
        }

        protected int outCols() {
            return in[0].cols();
        }

        protected boolean outBatchRows() {
            return in[0].batchRows();
        }

        protected int outFixedRows() {
            return in[0].fixedRows();
        }

        protected void forward() {
            int n = out.value.size();
            for (int k = 0; k < n; k++) {
                out.value.set(k, c * in[0].value.get(k));
            }
        }

        protected void backward() {
            Node a = in[0];
            if (!wants(a)) {
                return;
            }
            boolean first = overwrite(a);
            int n = out.grad.size();
            for (int k = 0; k < n; k++) {
                double g = c * out.grad.get(k);
                a.grad.set(k, first ? g : a.grad.get(k) + g);
            }
        }
    }

    // ------------------------------------------------------------------ losses (scalar outputs)

    /** Base for ops with a 1×1 output. */
    private abstract static class ScalarOp extends Op {
        ScalarOp(Node... in) {
            super(in);
        }

        protected int outCols() {
            return 1;
        }

        protected boolean outBatchRows() {
            return false;
        }

        double seed() {
            return out.grad.get(0);
        }
    }

    /** Element-wise regression losses averaged over every element, as PyTorch's reduction='mean'. */
    public enum PointLoss {
        /** (p−t)² */
        SQUARED,
        /** |p−t| (derivative 0 at 0, like torch.sign) */
        ABSOLUTE,
        /** ½d² if |d| ≤ δ else δ(|d| − ½δ) */
        HUBER,
        /** max(x,0) − x·t + log(1 + e^{−|x|}) on logits x: binary cross-entropy from logits */
        BINARY_CROSS_ENTROPY_LOGITS
    }

    /** mean over elements of a {@link PointLoss}(pred, target); both sides may be differentiated. */
    public static final class ElementwiseLoss extends ScalarOp {
        private final PointLoss kind;
        private final double delta;

        public ElementwiseLoss(Node pred, Node target, PointLoss kind, double delta) {
            super(pred, target);
            requireSameShape(kind.name().toLowerCase(java.util.Locale.ROOT), pred, target);
            this.kind = kind;
            this.delta = delta;
        }

        public String name() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + "_loss";
        }

        protected void forward() {
            Tensor p = in[0].value;
            Tensor t = in[1].value;
            int n = p.size();
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += value(p.get(k), t.get(k));
            }
            out.value.set(0, sum / n);
        }

        private double value(double p, double t) {
            double d = p - t;
            switch (kind) {
                case SQUARED:
                    return d * d;
                case ABSOLUTE:
                    return Math.abs(d);
                case HUBER:
                    return Math.abs(d) <= delta ? 0.5 * d * d : delta * (Math.abs(d) - 0.5 * delta);
                default:
                    return Math.max(p, 0.0) - p * t + Math.log1p(Math.exp(-Math.abs(p)));
            }
        }

        private double derivative(double p, double t) {
            double d = p - t;
            switch (kind) {
                case SQUARED:
                    return 2.0 * d;
                case ABSOLUTE:
                    return Math.signum(d);
                case HUBER:
                    return Math.abs(d) <= delta ? d : delta * Math.signum(d);
                default:
                    return Activation.sigmoid(p) - t;
            }
        }

        /** d loss / d target: the negated pred derivative, except cross-entropy's −x. */
        private double targetDerivative(double p, double t) {
            return kind == PointLoss.BINARY_CROSS_ENTROPY_LOGITS ? -p : -derivative(p, t);
        }

        protected void backward() {
            Node pred = in[0];
            Tensor p = pred.value;
            Tensor t = in[1].value;
            int n = p.size();
            double s = seed() / n;
            if (wants(pred)) {
                boolean first = overwrite(pred);
                for (int k = 0; k < n; k++) {
                    double g = s * derivative(p.get(k), t.get(k));
                    pred.grad.set(k, first ? g : pred.grad.get(k) + g);
                }
            }
            Node target = in[1];
            if (wants(target)) {
                boolean first = overwrite(target);
                for (int k = 0; k < n; k++) {
                    double g = s * targetDerivative(p.get(k), t.get(k));
                    target.grad.set(k, first ? g : target.grad.get(k) + g);
                }
            }
        }
    }

    /**
     * Cross-entropy from logits with PyTorch's label smoothing ε over K classes, averaged over the
     * batch: −Σ_k q_k log softmax(x)_k with q = (1−ε)·onehot(y) + ε/K. Log-softmax is computed as
     * x − max − log Σ exp(x − max). d/dx = (softmax(x) − q)/B.
     */
    public static final class CrossEntropy extends ScalarOp {
        private final LabelBuffer labels;
        private final double smoothing;
        private Tensor probs;

        public CrossEntropy(Node logits, LabelBuffer labels, double smoothing) {
            super(logits);
            if (!(smoothing >= 0.0 && smoothing <= 1.0)) {
                throw new IllegalArgumentException("label_smoothing must be in [0, 1], got " + smoothing);
            }
            this.labels = labels;
            this.smoothing = smoothing;
        }

        public String name() {
            return "cross_entropy";
        }

        protected List<LabelBuffer> labelInputs() {
            return List.of(labels);
        }

        protected void plan(int maxBatch) {
            Node x = in[0];
            int rows = x.batchRows() ? maxBatch : x.fixedRows();
            if (probs == null || probs.rows() < rows) {
                probs = Tensor.zeros(Precision.FLOAT64, rows, x.cols());
            }
        }

        protected void forward() {
            Tensor x = in[0].value;
            int rows = x.rows();
            int k = x.cols();
            if (labels.size() != rows) {
                throw new IllegalStateException("cross_entropy: " + labels.size() + " labels for " + rows + " rows");
            }
            double[] pr = probs.da();
            double total = 0;
            for (int r = 0; r < rows; r++) {
                int y = labels.get(r);
                if (y < 0 || y >= k) {
                    throw new IllegalArgumentException("class label " + y + " in batch row " + r
                            + " is outside [0, " + (k - 1) + "] for a network with " + k + " outputs");
                }
                int base = r * k;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    max = Math.max(max, x.get(base + c));
                }
                double sumExp = 0;
                double sumLogits = 0;
                for (int c = 0; c < k; c++) {
                    double xc = x.get(base + c);
                    double e = Math.exp(xc - max);
                    pr[base + c] = e;
                    sumExp += e;
                    sumLogits += xc;
                }
                double lse = max + Math.log(sumExp);
                for (int c = 0; c < k; c++) {
                    pr[base + c] /= sumExp;
                }
                double nll = lse - x.get(base + y);
                double uniform = lse - sumLogits / k;
                total += (1.0 - smoothing) * nll + smoothing * uniform;
            }
            out.value.set(0, total / rows);
        }

        protected void backward() {
            Node logits = in[0];
            if (!wants(logits)) {
                return;
            }
            boolean first = overwrite(logits);
            Tensor g = logits.grad;
            int rows = logits.value.rows();
            int k = logits.value.cols();
            double s = seed() / rows;
            double[] pr = probs.da();
            double off = smoothing / k;
            for (int r = 0; r < rows; r++) {
                int y = labels.get(r);
                int base = r * k;
                for (int c = 0; c < k; c++) {
                    double q = off + (c == y ? 1.0 - smoothing : 0.0);
                    double v = s * (pr[base + c] - q);
                    g.set(base + c, first ? v : g.get(base + c) + v);
                }
            }
        }
    }

    /**
     * The distillation term T²·KL(softmax(t/T) ‖ softmax(s/T)), batch mean, with both
     * distributions taken through log-softmax (PyTorch's {@code kl_div(log_softmax(s/T),
     * log_softmax(t/T), log_target=True, reduction='batchmean') * T²}). Teacher logits t are data.
     * d/ds = T·(softmax(s/T) − softmax(t/T))/B.
     */
    public static final class SoftTargetKl extends ScalarOp {
        private final double temperature;
        private Tensor studentProbs;
        private Tensor teacherProbs;

        public SoftTargetKl(Node student, Node teacher, double temperature) {
            super(student, teacher);
            requireSameShape("distillation", student, teacher);
            if (teacher.requiresGrad()) {
                throw new IllegalArgumentException("distillation: teacher logits must be data, not trainable");
            }
            if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
                throw new IllegalArgumentException("temperature must be positive, got " + temperature);
            }
            this.temperature = temperature;
        }

        public String name() {
            return "soft_target_kl";
        }

        protected void plan(int maxBatch) {
            Node s = in[0];
            int rows = s.batchRows() ? maxBatch : s.fixedRows();
            if (studentProbs == null || studentProbs.rows() < rows) {
                studentProbs = Tensor.zeros(Precision.FLOAT64, rows, s.cols());
                teacherProbs = Tensor.zeros(Precision.FLOAT64, rows, s.cols());
            }
        }

        /** Writes softmax(row/T) into {@code probs} and returns log Σ exp(row/T). */
        private double softmaxRow(Tensor x, int base, int k, double[] probs) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, x.get(base + c) / temperature);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double e = Math.exp(x.get(base + c) / temperature - max);
                probs[base + c] = e;
                sum += e;
            }
            for (int c = 0; c < k; c++) {
                probs[base + c] /= sum;
            }
            return max + Math.log(sum);
        }

        protected void forward() {
            Tensor s = in[0].value;
            Tensor t = in[1].value;
            int rows = s.rows();
            int k = s.cols();
            double[] qs = studentProbs.da();
            double[] pt = teacherProbs.da();
            double total = 0;
            for (int r = 0; r < rows; r++) {
                int base = r * k;
                double lseS = softmaxRow(s, base, k, qs);
                double lseT = softmaxRow(t, base, k, pt);
                for (int c = 0; c < k; c++) {
                    double logP = t.get(base + c) / temperature - lseT;
                    double logQ = s.get(base + c) / temperature - lseS;
                    total += Math.exp(logP) * (logP - logQ);
                }
            }
            out.value.set(0, temperature * temperature * total / rows);
        }

        protected void backward() {
            Node student = in[0];
            if (!wants(student)) {
                return;
            }
            boolean first = overwrite(student);
            int rows = student.value.rows();
            int n = student.value.size();
            double sc = seed() * temperature / rows;
            double[] qs = studentProbs.da();
            double[] pt = teacherProbs.da();
            Tensor g = student.grad;
            for (int i = 0; i < n; i++) {
                double v = sc * (qs[i] - pt[i]);
                g.set(i, first ? v : g.get(i) + v);
            }
        }
    }

    /** Penalty kinds on weights. */
    public enum PenaltyKind {
        /** λ·Σ|w|, gradient λ·sign(w) (0 at 0) */
        L1,
        /** λ·Σw², gradient 2λ·w */
        L2
    }

    /** λ times Σ|w| or Σw² over the given parameters. */
    public static final class Penalty extends ScalarOp {
        private final PenaltyKind kind;
        private final double lambda;

        public Penalty(PenaltyKind kind, double lambda, Node... weights) {
            super(weights);
            if (weights.length == 0) {
                throw new IllegalArgumentException("penalty over no parameters");
            }
            this.kind = kind;
            this.lambda = lambda;
        }

        public String name() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + "_penalty";
        }

        protected void forward() {
            double sum = 0;
            for (Node w : in) {
                Tensor v = w.value;
                int n = v.size();
                if (v.isFloat()) {
                    float[] a = v.fa();
                    for (int k = 0; k < n; k++) {
                        sum += kind == PenaltyKind.L1 ? Math.abs(a[k]) : (double) a[k] * a[k];
                    }
                } else {
                    double[] a = v.da();
                    for (int k = 0; k < n; k++) {
                        sum += kind == PenaltyKind.L1 ? Math.abs(a[k]) : a[k] * a[k];
                    }
                }
            }
            out.value.set(0, lambda * sum);
        }

        protected void backward() {
            double s = seed() * lambda;
            for (Node w : in) {
                if (!wants(w)) {
                    continue;
                }
                boolean first = overwrite(w);
                Tensor v = w.value;
                Tensor g = w.grad;
                int n = v.size();
                if (v.isFloat()) {
                    float[] a = v.fa();
                    float[] ga = g.fa();
                    for (int k = 0; k < n; k++) {
                        float d = (float) (kind == PenaltyKind.L1 ? s * Math.signum(a[k]) : 2.0 * s * a[k]);
                        ga[k] = first ? d : ga[k] + d;
                    }
                } else {
                    double[] a = v.da();
                    double[] ga = g.da();
                    for (int k = 0; k < n; k++) {
                        double d = kind == PenaltyKind.L1 ? s * Math.signum(a[k]) : 2.0 * s * a[k];
                        ga[k] = first ? d : ga[k] + d;
                    }
                }
            }
        }
    }
}
