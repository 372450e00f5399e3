package org.mlopt.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mlopt.autodiff.Graph;
import org.mlopt.autodiff.Node;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Program;
import org.mlopt.autodiff.Tensor;

/**
 * A compiled feed-forward network: a {@link Graph} whose input node {@code x} (batch × inputs) leads
 * through dense layers (matmul, fused bias + activation, optional dropout) to {@link #output()}.
 * Layer i has parameters {@code layer<i>.weight} (inputs × units) and {@code layer<i>.bias}
 * (1 × units). Losses and penalties are attached to the same graph by the training code.
 */
public final class Network {

    private final NetworkSpec spec;
    private final Graph graph;
    private final Node input;
    private final Node output;
    private final List<Node> weights;
    private final List<Node> biases;
    private Program predictProgram;

    private Network(NetworkSpec spec, Graph graph, Node input, Node output, List<Node> weights, List<Node> biases) {
        this.spec = spec;
        this.graph = graph;
        this.input = input;
        this.output = output;
        this.weights = weights;
        this.biases = biases;
    }

    /** Builds the graph and draws the initial parameters from the spec's seed. */
    public static Network compile(NetworkSpec spec) {
        Precision p = spec.precision();
        Graph g = new Graph(p);
        Node x = g.input("x", spec.inputs());
        SplittableRandom initRandom = new SplittableRandom(spec.seed());
        SplittableRandom dropoutSeeds = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
        List<Node> ws = new ArrayList<>();
        List<Node> bs = new ArrayList<>();
        Node h = x;
        int fanIn = spec.inputs();
        for (int i = 0; i < spec.layers().size(); i++) {
            DenseLayerSpec layer = spec.layers().get(i);
            Tensor w = Tensor.zeros(p, fanIn, layer.units());
            Tensor b = Tensor.zeros(p, 1, layer.units());
            spec.initializer().initWeight(w, initRandom);
            spec.initializer().initBias(b, fanIn, initRandom);
            Node wn = g.parameter("layer" + i + ".weight", w, true);
            Node bn = g.parameter("layer" + i + ".bias", b, false);
            ws.add(wn);
            bs.add(bn);
            h = g.biasActivation(g.matmul(h, wn), bn, layer.activation());
            if (layer.dropout() > 0.0) {
                h = g.dropout(h, layer.dropout(), dropoutSeeds.nextLong());
            }
            fanIn = layer.units();
        }
        return new Network(spec, g, x, h, List.copyOf(ws), List.copyOf(bs));
    }

    public NetworkSpec spec() {
        return spec;
    }

    public Graph graph() {
        return graph;
    }

    public Node input() {
        return input;
    }

    /** The last layer's output (logits for classification). */
    public Node output() {
        return output;
    }

    /** Weight matrices in layer order. */
    public List<Node> weights() {
        return weights;
    }

    public List<Node> biases() {
        return biases;
    }

    /** All parameters, layer by layer, weight before bias. */
    public List<Node> parameters() {
        List<Node> ps = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            ps.add(weights.get(i));
            ps.add(biases.get(i));
        }
        return ps;
    }

    /** Total number of trainable scalars. */
    public int parameterCount() {
        int n = 0;
        for (Node p : parameters()) {
            n += p.value().size();
        }
        return n;
    }

    /**
     * Outputs for every row of {@code x} (n × inputs, the network's precision), in evaluation mode
     * (no dropout), computed in chunks of up to {@code chunk} rows; writes into {@code out} (n × outputs).
     */
    public void predict(Tensor x, Tensor out, int chunk) {
        if (x.cols() != spec.inputs()) {
            throw new IllegalArgumentException("the network expects " + spec.inputs() + " features, got " + x.cols());
        }
        if (predictProgram == null || predictProgram.maxBatch() < chunk) {
            predictProgram = graph.compile(output, chunk);
        }
        boolean wasTraining = graph.training();
        graph.setTraining(false);
        try {
            int n = x.rows();
            int d = x.cols();
            int k = output.cols();
            for (int start = 0; start < n; start += chunk) {
                int m = Math.min(chunk, n - start);
                predictProgram.setBatch(m);
                copyRows(x, start * d, input.value(), m * d);
                predictProgram.forward();
                copyRows(output.value(), 0, out, start * k, m * k);
            }
        } finally {
            graph.setTraining(wasTraining);
        }
    }

    /** Outputs for every row of {@code x}, as a new tensor. */
    public Tensor predict(Tensor x) {
        Tensor out = Tensor.zeros(spec.precision(), x.rows(), output.cols());
        predict(x, out, Math.max(1, Math.min(x.rows(), 256)));
        return out;
    }

    private static void copyRows(Tensor src, int srcPos, Tensor dst, int len) {
        copyRows(src, srcPos, dst, 0, len);
    }

    private static void copyRows(Tensor src, int srcPos, Tensor dst, int dstPos, int len) {
        if (src.isFloat()) {
            System.arraycopy(src.fa(), srcPos, dst.fa(), dstPos, len);
        } else {
            System.arraycopy(src.da(), srcPos, dst.da(), dstPos, len);
        }
    }

    /** Copies of the current parameter values, in {@link #parameters()} order. */
    public List<Tensor> snapshot() {
        List<Tensor> s = new ArrayList<>();
        for (Node p : parameters()) {
            s.add(p.value().copy());
        }
        return s;
    }

    /** Restores values taken by {@link #snapshot()}. */
    public void restore(List<Tensor> snapshot) {
        List<Node> ps = parameters();
        for (int i = 0; i < ps.size(); i++) {
            ps.get(i).value().copyFrom(snapshot.get(i));
        }
    }
}
