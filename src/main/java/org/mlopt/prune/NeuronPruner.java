package org.mlopt.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Tensor;
import org.mlopt.nn.DenseLayerSpec;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;

/**
 * Structured pruning that removes hidden units: ranks each unit by the norm of its incoming
 * weights, drops the round(sparsity·units) weakest (per layer, or across the selected layers for
 * {@link Scope#GLOBAL}) and builds a smaller network with the surviving weights, the next layer's
 * input rows removed with them.
 *
 * <p>PyTorch's {@code ln_structured} zeroes a unit's weights but keeps its bias, so the unit still
 * emits the constant act(b). The smaller network folds that constant into the next layer's bias
 * (b' = b + act(b_j)·W[j, :]), so it computes exactly what the masked network computes.
 */
public final class NeuronPruner {

    private NeuronPruner() {}

    /** The smaller network and, per layer, the indices of the units kept (ascending). */
    public record Result(Network network, List<int[]> keptUnits) {
        public Result {
            keptUnits = List.copyOf(keptUnits);
        }
    }

    /** Prunes {@code network} (left unchanged) and returns the smaller network. */
    public static Result prune(Network network, NeuronPruning method) {
        List<int[]> kept = selectKept(network, method);
        return new Result(shrink(network, kept, true), kept);
    }

    /** Which units every layer keeps; the output layer keeps all. */
    public static List<int[]> selectKept(Network network, NeuronPruning method) {
        NetworkSpec spec = network.spec();
        int layers = spec.layers().size();
        List<Integer> selected = selectedHidden(method, layers);
        double[][] norms = new double[layers][];
        for (int i : selected) {
            Tensor w = network.weights().get(i).value();
            norms[i] = new double[w.cols()];
            for (int j = 0; j < w.cols(); j++) {
                norms[i][j] = method.norm().ofColumn(w, j);
            }
        }
        boolean[][] removed = new boolean[layers][];
        for (int i = 0; i < layers; i++) {
            removed[i] = new boolean[spec.layers().get(i).units()];
        }
        if (method.scope() == Scope.LAYER) {
            for (int i : selected) {
                int units = norms[i].length;
                int k = PruneChecks.roundHalfEven(method.sparsity() * units);
                if (k >= units) {
                    throw emptied(i, units, k, method.sparsity());
                }
                markSmallest(List.of(i), norms, removed, k);
            }
        } else {
            int total = 0;
            for (int i : selected) {
                total += norms[i].length;
            }
            markSmallest(selected, norms, removed, PruneChecks.roundHalfEven(method.sparsity() * total));
            for (int i : selected) {
                int gone = (int) PruningMasks.pruned(invert(removed[i]));
                if (gone == removed[i].length) {
                    throw emptied(i, gone, gone, method.sparsity());
                }
            }
        }
        List<int[]> kept = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            int[] idx = new int[removed[i].length];
            int n = 0;
            for (int j = 0; j < removed[i].length; j++) {
                if (!removed[i][j]) {
                    idx[n++] = j;
                }
            }
            kept.add(Arrays.copyOf(idx, n));
        }
        return kept;
    }

    private static IllegalArgumentException emptied(int layer, int units, int k, double sparsity) {
        return new IllegalArgumentException("neuron pruning at sparsity " + sparsity + " would remove all "
                + units + " units of hidden layer " + layer + " (round(" + sparsity + "·" + units + ") = " + k
                + "); every hidden layer keeps at least one unit: lower the sparsity or exclude the layer");
    }

    private static boolean[] invert(boolean[] a) {
        boolean[] b = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = !a[i];
        }
        return b;
    }

    private static List<Integer> selectedHidden(NeuronPruning method, int layers) {
        List<Integer> out = new ArrayList<>();
        if (method.layers() == null) {
            for (int i = 0; i < layers - 1; i++) {
                out.add(i);
            }
            return out;
        }
        for (int i : method.layers()) {
            PruneChecks.layerIndex(i, layers);
            if (i == layers - 1) {
                throw new IllegalArgumentException("layer " + i + " is the output layer: its units are never removed");
            }
            if (!out.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Marks the {@code k} units of smallest norm among the given layers (ties: lower layer, lower index first). */
    private static void markSmallest(List<Integer> layers, double[][] norms, boolean[][] removed, int k) {
        List<int[]> units = new ArrayList<>();
        for (int i : layers) {
            for (int j = 0; j < norms[i].length; j++) {
                units.add(new int[] {i, j});
            }
        }
        units.sort((a, b) -> {
            int cmp = Double.compare(norms[a[0]][a[1]], norms[b[0]][b[1]]);
            if (cmp != 0) {
                return cmp;
            }
            return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
        });
        for (int u = 0; u < k; u++) {
            removed[units.get(u)[0]][units.get(u)[1]] = true;
        }
    }

    /**
     * A network with only the {@code kept} units of every layer, weights copied from {@code source}
     * (the output layer must keep all its units). With {@code foldRemoved}, the constant output
     * act(b_j) of every removed unit is added into the next layer's bias, which preserves the function
     * of the network whose removed units have zero incoming weights.
     */
    public static Network shrink(Network source, List<int[]> kept, boolean foldRemoved) {
        NetworkSpec spec = source.spec();
        List<Tensor> params = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            params.add(source.weights().get(i).value());
            params.add(source.biases().get(i).value());
        }
        return build(spec, params, kept, foldRemoved);
    }

    /**
     * The smaller network from parameter values in {@link Network#parameters()} order (e.g. a
     * snapshot of the initial weights, for lottery-ticket rewinding).
     */
    public static Network build(NetworkSpec spec, List<Tensor> params, List<int[]> kept, boolean foldRemoved) {
        int layers = spec.layers().size();
        if (kept.size() != layers) {
            throw new IllegalArgumentException(kept.size() + " kept-unit lists for " + layers + " layers");
        }
        if (kept.get(layers - 1).length != spec.outputs()) {
            throw new IllegalArgumentException("output units are never removed");
        }
        List<DenseLayerSpec> ls = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            DenseLayerSpec l = spec.layers().get(i);
            if (kept.get(i).length == 0) {
                throw new IllegalArgumentException("layer " + i + " would have no units left");
            }
            ls.add(new DenseLayerSpec(kept.get(i).length, l.activation(), l.dropout()));
        }
        NetworkSpec small = new NetworkSpec(spec.inputs(), ls, spec.initializer(), spec.precision(), spec.seed());
        Network out = Network.compile(small);
        int[] rowsKept = identity(spec.inputs());
        for (int i = 0; i < layers; i++) {
            Tensor w = params.get(2 * i);
            Tensor b = params.get(2 * i + 1);
            int[] cols = kept.get(i);
            Tensor nw = out.weights().get(i).value();
            Tensor nb = out.biases().get(i).value();
            int srcCols = w.cols();
            for (int r = 0; r < rowsKept.length; r++) {
                for (int c = 0; c < cols.length; c++) {
                    nw.set(r * cols.length + c, w.get(rowsKept[r] * srcCols + cols[c]));
                }
            }
            for (int c = 0; c < cols.length; c++) {
                double v = b.get(cols[c]);
                if (foldRemoved && i > 0) {
                    v += foldedConstant(spec.layers().get(i - 1).activation(), params.get(2 * i - 1), rowsKept,
                            w, cols[c]);
                }
                nb.set(c, v);
            }
            rowsKept = cols;
        }
        return out;
    }

    /** Σ over removed units j of the previous layer of act(b_j)·W[j, col]. */
    private static double foldedConstant(Activation act, Tensor prevBias, int[] prevKept, Tensor w, int col) {
        double s = 0;
        int next = 0;
        for (int j = 0; j < prevBias.size(); j++) {
            if (next < prevKept.length && prevKept[next] == j) {
                next++;
                continue;
            }
            s += act.apply(prevBias.get(j)) * w.get(j * w.cols() + col);
        }
        return s;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
