package org.mlopt.autodiff;

import java.util.ArrayList;
import java.util.List;

/**
 * The ops a target node depends on, in topological order, with buffers allocated for batches up
 * to a fixed size. {@link #setBatch(int)} reshapes batch-shaped buffers (no allocation),
 * {@link #forward()} evaluates, {@link #backward()} runs reverse mode from the scalar target.
 */
public final class Program {

    private final Graph graph;
    private final Node target;
    private final Op[] ops;
    private final Node[] nodes;
    private final Node[] parameters;
    private final int maxBatch;
    private int batch;

    Program(Graph graph, Node target, List<Op> ops, List<Node> nodes, int maxBatch) {
        this.graph = graph;
        this.target = target;
        this.ops = ops.toArray(new Op[0]);
        this.nodes = nodes.toArray(new Node[0]);
        List<Node> ps = new ArrayList<>();
        for (Node n : nodes) {
            if (n.kind() == Node.Kind.PARAMETER) {
                ps.add(n);
            }
        }
        this.parameters = ps.toArray(new Node[0]);
        this.maxBatch = maxBatch;
        setBatch(maxBatch);
    }

    public Graph graph() {
        return graph;
    }

    public Node target() {
        return target;
    }

    public int maxBatch() {
        return maxBatch;
    }

    public int batch() {
        return batch;
    }

    /** Parameters the target depends on, in creation order. */
    public List<Node> parameters() {
        return List.of(parameters);
    }

    /** Sets the number of rows of every batch-shaped buffer; {@code n ≤ maxBatch}. */
    public void setBatch(int n) {
        if (n < 1 || n > maxBatch) {
            throw new IllegalArgumentException("batch size " + n + " outside [1, " + maxBatch + "]");
        }
        batch = n;
        for (Node node : nodes) {
            if (node.batchRows()) {
                node.value.reshapeRows(n);
                if (node.grad != null) {
                    node.grad.reshapeRows(n);
                }
            }
        }
        for (Op op : ops) {
            op.setBatch(n);
        }
    }

    public void forward() {
        for (Op op : ops) {
            op.forward();
        }
    }

    /** The target's first element (the loss, for a scalar target). */
    public double value() {
        return target.value.get(0);
    }

    /**
     * Reverse mode from the scalar target (seeded with 1). Afterwards every parameter's grad holds
     * d target / d parameter (zero for parameters the target does not reach).
     */
    public void backward() {
        if (target.value.size() != 1) {
            throw new IllegalStateException("backward needs a scalar target, " + target + " is not");
        }
        for (Node n : nodes) {
            n.gradWritten = false;
        }
        target.grad.set(0, 1.0);
        target.gradWritten = true;
        for (int i = ops.length - 1; i >= 0; i--) {
            Op op = ops[i];
            if (op.out.gradWritten) {
                op.backward();
            }
        }
        for (Node p : parameters) {
            if (!p.gradWritten) {
                p.grad.fill(0.0);
            }
        }
    }
}
