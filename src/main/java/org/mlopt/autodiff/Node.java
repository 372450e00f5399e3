package org.mlopt.autodiff;

/**
 * A value in a compute graph: a leaf (data input or parameter) or the output of one {@link Op}.
 * Its value and gradient buffers are allocated when a {@link Program} is compiled; nodes whose
 * rows follow the batch are reshaped per batch without reallocating.
 */
public final class Node {

    /** What a leaf holds. Op outputs are {@code COMPUTED}. */
    public enum Kind { INPUT, PARAMETER, COMPUTED }

    private final String name;
    private final Kind kind;
    private final boolean batchRows;
    private final int fixedRows;
    private final int cols;
    private final boolean requiresGrad;
    private final boolean weight;
    final Op producer;
    Tensor value;
    Tensor grad;
    /** Set once this backward pass has written the gradient (first writer overwrites, later ones add). */
    boolean gradWritten;

    Node(String name, Kind kind, boolean batchRows, int fixedRows, int cols, boolean requiresGrad,
            boolean weight, Op producer) {
        this.name = name;
        this.kind = kind;
        this.batchRows = batchRows;
        this.fixedRows = fixedRows;
        this.cols = cols;
        this.requiresGrad = requiresGrad;
        this.weight = weight;
        this.producer = producer;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the number of rows is the batch size. */
    public boolean batchRows() {
        return batchRows;
    }

    /** Rows when not batch-shaped. */
    public int fixedRows() {
        return fixedRows;
    }

    public int cols() {
        return cols;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** A weight matrix (regularized, pruned) as opposed to a bias. */
    public boolean isWeight() {
        return weight;
    }

    /** The value buffer (null before compilation for computed nodes). */
    public Tensor value() {
        return value;
    }

    /** The gradient buffer after {@link Program#backward()} (null if no gradient flows here). */
    public Tensor grad() {
        return grad;
    }

    @Override
    public String toString() {
        return name + (batchRows ? "[batch x " : "[" + fixedRows + " x ") + cols + "]";
    }
}
