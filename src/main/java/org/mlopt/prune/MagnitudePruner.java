package org.mlopt.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlopt.autodiff.Tensor;
import org.mlopt.nn.Network;

/**
 * Unstructured magnitude pruning (torch.nn.utils.prune.l1_unstructured / global_unstructured with
 * L1Unstructured). Entries already pruned by {@code previous} stay pruned and count towards the
 * target, so repeated calls with growing sparsity prune cumulatively; ties in |w| are broken by
 * position (earlier first), which makes the result deterministic.
 */
public final class MagnitudePruner {

    private MagnitudePruner() {}

    /** Computes the masks for {@code method} on {@code network}'s current weights and applies them. */
    public static PruningMasks prune(Network network, MagnitudePruning method, PruningMasks previous) {
        int layers = network.weights().size();
        PruningMasks prev = previous == null ? PruningMasks.none(layers) : previous;
        prev.check(network);
        List<Integer> selected = selectedLayers(method, layers);
        boolean[][] w = new boolean[layers][];
        boolean[][] b = new boolean[layers][];
        for (int i = 0; i < layers; i++) {
            w[i] = prev.weightMask(i);
            b[i] = prev.biasMask(i);
        }
        List<Tensor> tensors = new ArrayList<>();
        List<boolean[]> masks = new ArrayList<>();
        for (int i : selected) {
            tensors.add(network.weights().get(i).value());
            masks.add(w[i] == null ? (w[i] = allTrue(network.weights().get(i).value().size())) : w[i]);
            if (method.includeBias()) {
                tensors.add(network.biases().get(i).value());
                masks.add(b[i] == null ? (b[i] = allTrue(network.biases().get(i).value().size())) : b[i]);
            }
        }
        if (method.scope() == Scope.GLOBAL) {
            pruneSmallest(tensors, masks, method.sparsity());
        } else {
            for (int t = 0; t < tensors.size(); t++) {
                pruneSmallest(List.of(tensors.get(t)), List.of(masks.get(t)), method.sparsity());
            }
        }
        PruningMasks result = new PruningMasks(w, b);
        result.apply(network);
        return result;
    }

    static List<Integer> selectedLayers(MagnitudePruning method, int layers) {
        List<Integer> out = new ArrayList<>();
        if (method.layers() == null) {
            for (int i = 0; i < layers; i++) {
                out.add(i);
            }
            return out;
        }
        for (int i : method.layers()) {
            PruneChecks.layerIndex(i, layers);
            if (!out.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Marks round(sparsity·N) entries of the pooled tensors as pruned: first those already pruned,
     * then the smallest |w|.
     */
    static void pruneSmallest(List<Tensor> tensors, List<boolean[]> masks, double sparsity) {
        int total = 0;
        for (Tensor t : tensors) {
            total += t.size();
        }
        int k = PruneChecks.roundHalfEven(sparsity * total);
        if (k == 0) {
            return;
        }
        int[] owner = new int[total];
        int[] pos = new int[total];
        double[] key = new double[total];
        int n = 0;
        for (int t = 0; t < tensors.size(); t++) {
            Tensor v = tensors.get(t);
            boolean[] m = masks.get(t);
            for (int j = 0; j < v.size(); j++) {
                owner[n] = t;
                pos[n] = j;
                key[n] = m[j] ? Math.abs(v.get(j)) : -1.0;
                n++;
            }
        }
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, c) -> {
            int cmp = Double.compare(key[a], key[c]);
            return cmp != 0 ? cmp : Integer.compare(a, c);
        });
        for (int i = 0; i < k; i++) {
            int e = order[i];
            masks.get(owner[e])[pos[e]] = false;
        }
    }

    private static boolean[] allTrue(int n) {
        boolean[] m = new boolean[n];
        Arrays.fill(m, true);
        return m;
    }
}
