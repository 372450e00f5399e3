package org.mlopt.check;

import org.mlopt.ast.Span;
import org.mlopt.schema.Task;

import java.util.ArrayList;
import java.util.List;

/** What the checker knows about one model while it walks the script; becomes a {@link ModelInfo}. */
final class ModelState {

    final String name;
    /** Component name, or "network", or "load". */
    final String kind;
    /** The model's component use (null for networks and loaded models). */
    final Resolved spec;
    /** Dense layers of a network in order (the output layer last). */
    final List<NetworkShape.Layer> layers = new ArrayList<>();
    /** The network's {@code input:} setting, or -1. */
    int declaredInput = -1;
    Span declaredInputSpan;

    int inputs = -1;
    /** The dataset the input width was learned from, for messages. */
    String inputsFrom;
    int outputs = -1;
    Task task;
    boolean trained;

    ModelState(String name, String kind, Resolved spec) {
        this.name = name;
        this.kind = kind;
        this.spec = spec;
    }

    boolean isNetwork() {
        return kind.equals("network");
    }

    /** Output width of a network's last dense layer, or -1. */
    int networkOutputs() {
        return layers.isEmpty() ? -1 : layers.get(layers.size() - 1).units();
    }

    ModelInfo toInfo() {
        List<Integer> widths = new ArrayList<>();
        for (NetworkShape.Layer l : layers) widths.add(l.units());
        int out = isNetwork() ? networkOutputs() : outputs;
        int in = inputs >= 0 ? inputs : declaredInput;
        return new ModelInfo(name, kind, in, out, widths, parameters(in, out));
    }

    private long parameters(int inputs, int out) {
        if (inputs < 0 || out < 0) return -1;
        if (isNetwork()) {
            long total = 0;
            int in = inputs;
            for (NetworkShape.Layer l : layers) {
                if (l.units() < 0) return -1;
                total += (long) in * l.units() + (l.bias() ? l.units() : 0);
                in = l.units();
            }
            return total;
        }
        if (spec == null) return -1;
        boolean intercept = spec.flag("fit_intercept", true);
        return (long) inputs * out + (intercept ? out : 0);
    }
}
