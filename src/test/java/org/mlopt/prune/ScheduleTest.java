package org.mlopt.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;
import org.mlopt.loss.Loss;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;
import org.mlopt.optim.Adam;
import org.mlopt.train.Dataset;
import org.mlopt.train.TrainConfig;
import org.mlopt.train.Trainer;

class ScheduleTest {

    @Test
    void gradualFollowsZhuAndGupta() {
        // s_t = 0.8 + (0 − 0.8)(1 − t/4)^3: 0.8 − 0.8·27/64, 0.8 − 0.8/8, 0.8 − 0.8/64, 0.8
        List<Double> s = PruneSchedule.gradual(0.8, 4, 3, 0.0).sparsities();
        assertEquals(List.of(0.4625, 0.7, 0.7875, 0.8).size(), s.size());
        double[] expected = {0.4625, 0.7, 0.7875, 0.8};
        for (int t = 0; t < 4; t++) {
            assertEquals(expected[t], s.get(t), 1e-15);
        }
        // with an initial sparsity 0.2 and power 1: linear from 0.2 towards 0.6
        List<Double> lin = PruneSchedule.gradual(0.6, 2, 1, 0.2).sparsities();
        assertEquals(0.4, lin.get(0), 1e-15);
        assertEquals(0.6, lin.get(1), 1e-15);
    }

    @Test
    void iterativeRemovesTheSameShareOfTheRemainderEachStep() {
        List<Double> s = PruneSchedule.iterative(0.875, 3).sparsities();
        // 1 − 0.125^(i/3): 0.5, 0.75, 0.875
        assertEquals(0.5, s.get(0), 1e-12);
        assertEquals(0.75, s.get(1), 1e-12);
        assertEquals(0.875, s.get(2), 1e-12);
        assertEquals(List.of(0.3), PruneSchedule.oneShot(0.3).sparsities());
        assertThrows(IllegalArgumentException.class, () -> PruneSchedule.iterative(0.5, 0));
    }

    static final Dataset DATA = SyntheticData.classification(200, 6, 3, 11, Precision.FLOAT32);

    static Network trained() {
        Network net = Network.compile(NetworkSpec.mlp(2, Activation.RELU, 6, 24, 3));
        new Trainer(net, new Loss.CrossEntropy(), Adam.adam(1e-2), TrainConfig.of(4, 20, 0)).fit(DATA);
        return net;
    }

    @Test
    void gradualRunEndsAtTheTargetWithMasksHeld() {
        Network base = trained();
        FineTune ft = FineTune.crossEntropy(Adam.adam(5e-3), 1, 20, 3);
        Pruner.Result r = Pruner.magnitude(base, MagnitudePruning.of(0.8, Scope.GLOBAL),
                new Pruner.Job(PruneSchedule.gradual(0.8, 4, 3, 0.0), ft, null, DATA, 0), DATA);
        int n = 6 * 24 + 24 * 3;
        assertEquals(Math.rint(0.8 * n), r.masks().prunedCount());
        // 4 schedule epochs, then the fine-tuning's own 1 epoch at the target: two training runs.
        assertEquals(5, r.report().fineTuneEpochs());
        assertEquals(2, r.fineTuning().size());
        assertEquals(Math.rint(0.8 * n) / n, LayerStats.weightSparsity(r.network()), 1e-12);
        assertTrue(r.report().afterFineTuning().accuracy() > 0.5, "accuracy " + r.report().afterFineTuning().accuracy());
    }

    @Test
    void iterativeRunReachesTheTargetAndFineTunesEveryPhase() {
        Network base = trained();
        FineTune ft = FineTune.crossEntropy(Adam.adam(5e-3), 2, 20, 3);
        Pruner.Result r = Pruner.magnitude(base, MagnitudePruning.of(0.875, Scope.LAYER),
                new Pruner.Job(PruneSchedule.iterative(0.875, 3), ft, null, DATA, 0), DATA);
        assertEquals(3, r.fineTuning().size());
        assertEquals(6, r.report().fineTuneEpochs());
        assertEquals(Math.rint(0.875 * 144) + Math.rint(0.875 * 72), r.masks().prunedCount());
    }

    @Test
    void lotteryTicketRewindRestoresTheInitialWeightsOfTheSurvivors() {
        NetworkSpec spec = NetworkSpec.mlp(2, Activation.RELU, 6, 24, 3);
        List<Tensor> init = Network.compile(spec).snapshot();
        Network base = trained();
        Pruner.Result r = Pruner.magnitude(base, MagnitudePruning.of(0.5, Scope.GLOBAL),
                new Pruner.Job(PruneSchedule.oneShot(0.5), null, init, null, 0), DATA);
        for (int i = 0; i < 2; i++) {
            boolean[] m = r.masks().weightMask(i);
            Tensor w = r.network().weights().get(i).value();
            Tensor trainedW = base.weights().get(i).value();
            for (int k = 0; k < m.length; k++) {
                assertEquals(m[k] ? init.get(2 * i).get(k) : 0.0, w.get(k));
            }
            // the mask comes from the trained weights' magnitudes, not the initial ones
            double minKept = Double.POSITIVE_INFINITY;
            for (int k = 0; k < m.length; k++) {
                if (m[k]) {
                    minKept = Math.min(minKept, Math.abs(trainedW.get(k)));
                }
            }
            assertTrue(minKept > 0);
        }
        assertEquals(init.get(1).get(0), r.network().biases().get(0).value().get(0));
    }

    @Test
    void iterativeNeuronPruningShrinksStepByStep() {
        Network base = trained();
        FineTune ft = FineTune.crossEntropy(Adam.adam(5e-3), 1, 20, 3);
        Pruner.Result r = Pruner.neurons(base, NeuronPruning.of(0.75, Norm.L1, Scope.LAYER),
                new Pruner.Job(PruneSchedule.iterative(0.75, 2), ft, null, DATA, 3), DATA);
        assertEquals(6, r.network().spec().layers().get(0).units()); // 24 → 12 → 6
        assertEquals(6 * 6 + 6 + 6 * 3 + 3, r.report().afterFineTuning().parameters());
        assertEquals(6 * 24 + 24 + 24 * 3 + 3, r.report().before().parameters());
        assertTrue(r.report().afterFineTuning().fileBytes() < r.report().before().fileBytes());
    }
}
