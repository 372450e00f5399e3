package org.mlopt.autodiff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A compute graph built once: leaves (inputs, parameters, label buffers) and ops, in creation
 * order, which is a topological order since an op can only use nodes that already exist. Running
 * it goes through a {@link Program} compiled for one scalar (or output) node.
 */
public final class Graph {

    private final Precision precision;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();
    private boolean training = true;

    public Graph(Precision precision) {
        this.precision = precision;
    }

    public Precision precision() {
        return precision;
    }

    /** Training mode switches dropout on; evaluation mode makes it the identity. */
    public boolean training() {
        return training;
    }

    public void setTraining(boolean training) {
        this.training = training;
    }

    /** A data input with one row per sample and {@code cols} columns; no gradient. */
    public Node input(String name, int cols) {
        Node n = new Node(name, Node.Kind.INPUT, true, 0, cols, false, false, null);
        nodes.add(n);
        return n;
    }

    /** A trainable parameter holding {@code initial} (used as the buffer, not copied). */
    public Node parameter(String name, Tensor initial, boolean weight) {
        if (initial.precision() != precision) {
            throw new IllegalArgumentException("parameter " + name + " is " + initial.precision()
                    + " in a " + precision + " graph");
        }
        Node n = new Node(name, Node.Kind.PARAMETER, false, initial.rows(), initial.cols(), true, weight, null);
        n.value = initial;
        nodes.add(n);
        return n;
    }

    /** A buffer of integer class labels, one per sample. */
    public LabelBuffer labels(String name) {
        return new LabelBuffer(name);
    }

    /** Adds an op and returns its output node. */
    public Node apply(Op op) {
        boolean requiresGrad = false;
        for (Node i : op.in) {
            if (!nodes.contains(i)) {
                throw new IllegalArgumentException(op.name() + ": input " + i.name() + " is not in this graph");
            }
            requiresGrad |= i.requiresGrad();
        }
        Node out = new Node(op.name() + "#" + ops.size(), Node.Kind.COMPUTED, op.outBatchRows(),
                op.outFixedRows(), op.outCols(), requiresGrad, false, op);
        op.out = out;
        ops.add(op);
        nodes.add(out);
        return out;
    }

    public Node matmul(Node x, Node w) {
        return apply(new Ops.MatMul(x, w));
    }

    /** act(z + b) with {@code b} a 1×cols row broadcast over rows; {@code b} may be null. */
    public Node biasActivation(Node z, Node b, Activation act) {
        return apply(new Ops.BiasActivation(z, b, act));
    }

    public Node dropout(Node x, double p, long seed) {
        return apply(new Ops.Dropout(this, x, p, seed));
    }

    public Node add(Node a, Node b) {
        return apply(new Ops.Add(a, b));
    }

    public Node scale(Node a, double c) {
        return apply(new Ops.Scale(a, c));
    }

    /** All parameters in creation order. */
    public List<Node> parameters() {
        List<Node> ps = new ArrayList<>();
        for (Node n : nodes) {
            if (n.kind() == Node.Kind.PARAMETER) {
                ps.add(n);
            }
        }
        return ps;
    }

    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /**
     * Compiles the ops needed for {@code target}, allocating every buffer for batches of up to
     * {@code maxBatch} rows.
     */
    public Program compile(Node target, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        boolean[] needed = new boolean[nodes.size()];
        markAncestors(target, needed);
        List<Op> selected = new ArrayList<>();
        List<Node> used = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (needed[i]) {
                Node n = nodes.get(i);
                used.add(n);
                if (n.producer != null) {
                    selected.add(n.producer);
                }
            }
        }
        for (Node n : used) {
            allocate(n, maxBatch);
        }
        for (Op op : selected) {
            op.plan(maxBatch);
            for (LabelBuffer lb : op.labelInputs()) {
                lb.plan(maxBatch);
            }
        }
        return new Program(this, target, selected, used, maxBatch);
    }

    private void markAncestors(Node target, boolean[] needed) {
        int idx = nodes.indexOf(target);
        if (idx < 0) {
            throw new IllegalArgumentException("node " + target.name() + " is not in this graph");
        }
        if (needed[idx]) {
            return;
        }
        needed[idx] = true;
        if (target.producer != null) {
            for (Node i : target.producer.in) {
                markAncestors(i, needed);
            }
        }
    }

    private void allocate(Node n, int maxBatch) {
        int rows = n.batchRows() ? maxBatch : n.fixedRows();
        int need = rows * n.cols();
        if (n.value == null || capacity(n.value) < need) {
            n.value = Tensor.zeros(precision, rows, n.cols());
        }
        if (n.requiresGrad() && (n.grad == null || capacity(n.grad) < need)) {
            n.grad = Tensor.zeros(precision, rows, n.cols());
        }
    }

    private static int capacity(Tensor t) {
        return t.isFloat() ? t.fa().length : t.da().length;
    }
}
