package org.mlopt.autodiff;

import java.util.List;

/**
 * One operation of a compute graph: a forward kernel and its vector-Jacobian product. All
 * implementations live in {@link Ops}, the single table of rules. Backward is called only when the
 * output received a gradient; it must write each differentiable input's gradient exactly once,
 * asking {@link #overwrite(Node)} whether to assign (first writer) or accumulate.
 */
public abstract class Op {

    protected final Node[] in;
    protected Node out;

    protected Op(Node... in) {
        this.in = in;
    }

    /** Short name for messages. */
    public abstract String name();

    /** Output columns. */
    protected abstract int outCols();

    /** Output rows when not batch-shaped ({@link #outBatchRows()} false). */
    protected int outFixedRows() {
        return 1;
    }

    /** True when the output has one row per sample. */
    protected abstract boolean outBatchRows();

    /** Computes {@code out.value} from the inputs' values. */
    protected abstract void forward();

    /** Writes the inputs' gradients from {@code out.grad}. */
    protected abstract void backward();

    /** Allocates scratch buffers for batches up to {@code maxBatch} rows. */
    protected void plan(int maxBatch) {
    }

    /** Reshapes scratch buffers for a batch of {@code n} rows (never allocates after plan). */
    protected void setBatch(int n) {
    }

    /** Label buffers this op reads (planned with the program). */
    protected List<LabelBuffer> labelInputs() {
        return List.of();
    }

    public List<Node> inputs() {
        return List.of(in);
    }

    public Node output() {
        return out;
    }

    /**
     * Marks {@code n}'s gradient as written this pass and says whether this is the first write, in
     * which case the caller assigns rather than adds.
     */
    protected static boolean overwrite(Node n) {
        boolean first = !n.gradWritten;
        n.gradWritten = true;
        return first;
    }

    /** True when the input needs a gradient. */
    protected static boolean wants(Node n) {
        return n.requiresGrad();
    }
}
