package org.mlopt.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;
import org.mlopt.train.Dataset;

class NeuronPrunerTest {

    static Network net(Activation act) {
        return Network.compile(NetworkSpec.mlp(4, act, 8, 16, 8, 3).withPrecision(Precision.FLOAT64));
    }

    /** The big network with the removed units' incoming weights zeroed (biases kept), as torch's ln_structured. */
    static Network masked(Network big, List<int[]> kept) {
        Network m = Pruner.copy(big);
        for (int i = 0; i < kept.size() - 1; i++) {
            Tensor w = m.weights().get(i).value();
            boolean[] keep = new boolean[w.cols()];
            for (int j : kept.get(i)) {
                keep[j] = true;
            }
            for (int r = 0; r < w.rows(); r++) {
                for (int c = 0; c < w.cols(); c++) {
                    if (!keep[c]) {
                        w.set(r * w.cols() + c, 0.0);
                    }
                }
            }
        }
        return m;
    }

    @Test
    void halfTheUnitsGoAndTheSmallNetworkComputesWhatTheMaskedOneDoes() {
        for (Activation act : new Activation[] {Activation.RELU, Activation.TANH, Activation.SIGMOID}) {
            Network big = net(act);
            NeuronPruner.Result r = NeuronPruner.prune(big, NeuronPruning.of(0.5, Norm.L2, Scope.LAYER));
            Network small = r.network();
            assertEquals(8, small.spec().layers().get(0).units());
            assertEquals(4, small.spec().layers().get(1).units());
            assertEquals(3, small.spec().outputs());
            assertEquals(8 * 8 + 8 + 8 * 4 + 4 + 4 * 3 + 3, small.parameterCount());
            assertEquals(8 * 16 + 16 + 16 * 8 + 8 + 8 * 3 + 3, big.parameterCount());
            Dataset x = SyntheticData.classification(50, 8, 3, 9, Precision.FLOAT64);
            Tensor a = small.predict(x.features());
            Tensor b = masked(big, r.keptUnits()).predict(x.features());
            for (int k = 0; k < a.size(); k++) {
                assertEquals(b.get(k), a.get(k), 1e-12, act + " output " + k);
            }
        }
    }

    @Test
    void keepsTheUnitsWithTheLargestIncomingNorm() {
        Network big = net(Activation.RELU);
        for (Norm norm : Norm.values()) {
            List<int[]> kept = NeuronPruner.selectKept(big, NeuronPruning.of(0.25, norm, Scope.LAYER));
            Tensor w = big.weights().get(0).value();
            double minKept = Double.POSITIVE_INFINITY;
            double maxGone = 0;
            boolean[] keep = new boolean[16];
            for (int j : kept.get(0)) {
                keep[j] = true;
            }
            for (int j = 0; j < 16; j++) {
                double s = 0;
                for (int r = 0; r < 8; r++) {
                    double v = w.get(r * 16 + j);
                    s += norm == Norm.L1 ? Math.abs(v) : v * v;
                }
                if (keep[j]) {
                    minKept = Math.min(minKept, s);
                } else {
                    maxGone = Math.max(maxGone, s);
                }
            }
            assertEquals(12, kept.get(0).length); // 16 − round(4.0)
            assertEquals(6, kept.get(1).length);  // 8 − round(2.0)
            assertTrue(maxGone < minKept, norm + ": " + maxGone + " ≥ " + minKept);
        }
    }

    @Test
    void globalScopeUsesOneRankingAcrossHiddenLayers() {
        Network big = net(Activation.RELU);
        // make layer 1's units far weaker: a global ranking takes them first
        Tensor w1 = big.weights().get(1).value();
        for (int k = 0; k < w1.size(); k++) {
            w1.set(k, w1.get(k) * 1e-3);
        }
        List<int[]> kept = NeuronPruner.selectKept(big, NeuronPruning.of(0.25, Norm.L1, Scope.GLOBAL));
        assertEquals(16, kept.get(0).length);
        assertEquals(2, kept.get(1).length); // round(0.25·24) = 6 removed, all from layer 1
        assertArrayEquals(new int[] {0, 1, 2}, kept.get(2));
    }

    @Test
    void neverEmptiesALayerNorTouchesTheOutput() {
        Network tiny = Network.compile(NetworkSpec.mlp(0, Activation.RELU, 4, 2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeuronPruner.prune(tiny, NeuronPruning.of(0.9, Norm.L2, Scope.LAYER)));
        assertTrue(e.getMessage().contains("hidden layer 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> NeuronPruner.prune(tiny, new NeuronPruning(0.5, Norm.L2, Scope.LAYER, List.of(1))));
        Network big = net(Activation.RELU);
        assertThrows(IllegalArgumentException.class,
                () -> NeuronPruner.prune(big, NeuronPruning.of(0.99, Norm.L2, Scope.GLOBAL)));
    }

    @Test
    void inferenceOnTheSmallerNetworkIsFaster() {
        Network big = Network.compile(NetworkSpec.mlp(0, Activation.RELU, 64, 256, 256, 10));
        Network small = NeuronPruner.prune(big, NeuronPruning.of(0.75, Norm.L2, Scope.LAYER)).network();
        Tensor x = SyntheticData.classification(256, 64, 10, 1, Precision.FLOAT32).features();
        double tBig = ModelMeasures.medianInferenceMillis(big, x, 7);
        double tSmall = ModelMeasures.medianInferenceMillis(small, x, 7);
        // ~1/16 of the middle layer's multiply-adds; a factor of 2 leaves room for a busy machine
        assertTrue(tSmall < tBig / 2, "small " + tSmall + " ms vs big " + tBig + " ms");
    }
}
