package org.mlopt.exec;

import org.mlopt.autodiff.Tensor;
import org.mlopt.data.Dataset;
import org.mlopt.nn.Network;
import org.mlopt.prune.PruningMasks;
import org.mlopt.schema.Task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained network as the runtime sees it: the network, what its outputs mean (task, classes,
 * one sigmoid logit or softmax logits), the masks that keep pruned weights at zero, and facts from
 * its training.
 */
final class NetworkModel implements TrainedModel {

    private final Network network;
    private final Task task;
    private final List<String> classes;
    private final boolean sigmoidOutput;
    private final PruningMasks masks;
    private final Map<String, Object> facts;

    NetworkModel(Network network, Task task, List<String> classes, boolean sigmoidOutput, PruningMasks masks,
                 Map<String, Object> facts) {
        this.network = network;
        this.task = task;
        this.classes = List.copyOf(classes);
        this.sigmoidOutput = sigmoidOutput;
        this.masks = masks;
        this.facts = new LinkedHashMap<>(facts);
    }

    Network network() {
        return network;
    }

    PruningMasks masks() {
        return masks;
    }

    boolean sigmoidOutput() {
        return sigmoidOutput;
    }

    /** The same meaning of outputs around another network (pruned, distilled, loaded). */
    NetworkModel with(Network other, PruningMasks otherMasks, Map<String, Object> otherFacts) {
        return new NetworkModel(other, task, classes, sigmoidOutput, otherMasks, otherFacts);
    }

    public String kind() { return "network"; }

    public Task task() { return task; }

    public List<String> classes() { return classes; }

    public Output predict(Dataset d) {
        Tensor x = Tensors.of(d.features(), network.spec().precision());
        Tensor out = network.predict(x);
        int n = out.rows();
        if (task == Task.REGRESSION) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = out.get(i, 0);
            return new Output(null, null, v);
        }
        return sigmoidOutput ? Probabilities.fromSigmoid(out) : Probabilities.fromLogits(out);
    }

    public long nonZeroParameters() {
        long n = 0;
        for (var p : network.parameters()) {
            Tensor v = p.value();
            for (int i = 0; i < v.size(); i++) if (v.get(i) != 0) n++;
        }
        return n;
    }

    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("parameters", network.parameterCount());
        s.putAll(facts);
        return s;
    }
}
