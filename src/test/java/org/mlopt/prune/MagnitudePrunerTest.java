package org.mlopt.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;

class MagnitudePrunerTest {

    static long zeros(Tensor t) {
        long z = 0;
        for (int k = 0; k < t.size(); k++) {
            if (t.get(k) == 0.0) {
                z++;
            }
        }
        return z;
    }

    static long weightZeros(Network net) {
        long z = 0;
        for (var w : net.weights()) {
            z += zeros(w.value());
        }
        return z;
    }

    @Test
    void globalPruningZeroesExactlyTheRoundedShareOfAllWeights() {
        Network net = Network.compile(NetworkSpec.mlp(3, Activation.RELU, 64, 128, 64, 10));
        int n = 64 * 128 + 128 * 64 + 64 * 10;
        PruningMasks masks = MagnitudePruner.prune(net, MagnitudePruning.of(0.8, Scope.GLOBAL), null);
        assertEquals(Math.round(0.8 * n), weightZeros(net)); // 13619.2 → 13619
        assertEquals(Math.round(0.8 * n), masks.prunedCount());
        for (int i = 0; i < 3; i++) {
            assertNull(masks.biasMask(i), "biases are not pruned by default");
            assertEquals(0, zeros(net.biases().get(i).value()));
        }
        // every kept weight is at least as large as every pruned one (a single global threshold)
        double maxPruned = 0;
        double minKept = Double.POSITIVE_INFINITY;
        Network original = Network.compile(NetworkSpec.mlp(3, Activation.RELU, 64, 128, 64, 10));
        for (int i = 0; i < 3; i++) {
            boolean[] m = masks.weightMask(i);
            Tensor w = original.weights().get(i).value();
            for (int k = 0; k < m.length; k++) {
                double a = Math.abs(w.get(k));
                if (m[k]) {
                    minKept = Math.min(minKept, a);
                } else {
                    maxPruned = Math.max(maxPruned, a);
                }
            }
        }
        assertTrue(maxPruned <= minKept, maxPruned + " > " + minKept);
    }

    @Test
    void countsRoundHalfToEvenLikePython() {
        // 2-2-1: 4 + 2 = 6 weights; 0.25·6 = 1.5 → 2 and 0.75·6 = 4.5 → 4 (Python's round)
        for (double[] c : new double[][] {{0.25, 2}, {0.75, 4}}) {
            Network net = Network.compile(NetworkSpec.mlp(1, Activation.TANH, 2, 2, 1));
            MagnitudePruner.prune(net, MagnitudePruning.of(c[0], Scope.GLOBAL), null);
            assertEquals((long) c[1], weightZeros(net), "sparsity " + c[0]);
        }
        assertEquals(2, PruneChecks.roundHalfEven(2.5));
        assertEquals(4, PruneChecks.roundHalfEven(3.5));
    }

    /** 2-2-2 with layer 0 weights 1..4 and layer 1 weights 0.1..0.4. */
    static Network handMade() {
        Network net = Network.compile(NetworkSpec.mlp(0, Activation.RELU, 2, 2, 2).withPrecision(Precision.FLOAT64));
        double[] w0 = {1, -2, 3, -4};
        double[] w1 = {0.1, -0.2, 0.3, -0.4};
        for (int k = 0; k < 4; k++) {
            net.weights().get(0).value().set(k, w0[k]);
            net.weights().get(1).value().set(k, w1[k]);
        }
        return net;
    }

    @Test
    void globalAndLayerThresholdsDifferOnAHandMadeNetwork() {
        Network global = handMade();
        PruningMasks g = MagnitudePruner.prune(global, MagnitudePruning.of(0.5, Scope.GLOBAL), null);
        assertArrayEquals(new boolean[] {true, true, true, true}, g.weightMask(0));
        assertArrayEquals(new boolean[] {false, false, false, false}, g.weightMask(1));
        Network layer = handMade();
        PruningMasks l = MagnitudePruner.prune(layer, MagnitudePruning.of(0.5, Scope.LAYER), null);
        assertArrayEquals(new boolean[] {false, false, true, true}, l.weightMask(0));
        assertArrayEquals(new boolean[] {false, false, true, true}, l.weightMask(1));
        assertEquals(0.0, layer.weights().get(0).value().get(1));
        assertEquals(3.0, layer.weights().get(0).value().get(2));
    }

    @Test
    void layerSelectionAndBiasesAreOptional() {
        Network net = handMade();
        net.biases().get(0).value().set(0, 0.05);
        net.biases().get(0).value().set(1, -5.0);
        PruningMasks m = MagnitudePruner.prune(net, new MagnitudePruning(0.5, Scope.GLOBAL, true, List.of(0)), null);
        assertNull(m.weightMask(1), "layer 1 not selected");
        // pool: 1, -2, 3, -4, 0.05, -5 → three smallest |·|: 0.05, 1, -2
        assertArrayEquals(new boolean[] {false, false, true, true}, m.weightMask(0));
        assertArrayEquals(new boolean[] {false, true}, m.biasMask(0));
        assertThrows(IllegalArgumentException.class,
                () -> MagnitudePruner.prune(handMade(), new MagnitudePruning(0.5, Scope.GLOBAL, false, List.of(2)), null));
        assertThrows(IllegalArgumentException.class, () -> MagnitudePruning.of(1.0, Scope.GLOBAL));
    }

    @Test
    void repeatedPruningIsCumulative() {
        Network net = Network.compile(NetworkSpec.mlp(5, Activation.RELU, 16, 32, 4));
        PruningMasks first = MagnitudePruner.prune(net, MagnitudePruning.of(0.3, Scope.LAYER), null);
        // perturb the survivors so that a fresh ranking would differ: pruned entries must stay pruned
        Tensor w = net.weights().get(0).value();
        for (int k = 0; k < w.size(); k++) {
            if (w.get(k) != 0.0) {
                w.set(k, w.get(k) * 1e-3);
            }
        }
        PruningMasks second = MagnitudePruner.prune(net, MagnitudePruning.of(0.6, Scope.LAYER), first);
        for (int i = 0; i < 2; i++) {
            boolean[] a = first.weightMask(i);
            boolean[] b = second.weightMask(i);
            for (int k = 0; k < a.length; k++) {
                assertTrue(a[k] || !b[k], "entry " + k + " of layer " + i + " regrew");
            }
            assertEquals(Math.rint(0.6 * a.length), PruningMasks.pruned(b));
        }
    }
}
