package org.mlopt.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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

/**
 * The one-shot accuracy-against-sparsity sweep and the per-phase stages of a pruning run: exact
 * relations between them and the run's own report, and that measuring leaves the networks alone.
 */
class SparsitySweepTest {

    private static final Dataset DATA = SyntheticData.classification(200, 6, 3, 11, Precision.FLOAT32);
    /** 6-24-3: 6·24 + 24·3 = 216 weights, 243 parameters. */
    private static final int WEIGHTS = 216;
    private static final int PARAMETERS = 243;

    private static Network trained() {
        Network net = Network.compile(NetworkSpec.mlp(2, Activation.RELU, 6, 24, 3));
        new Trainer(net, new Loss.CrossEntropy(), Adam.adam(1e-2), TrainConfig.of(4, 20, 0)).fit(DATA);
        return net;
    }

    private static List<float[]> values(Network n) {
        List<float[]> out = new ArrayList<>();
        for (Tensor t : n.snapshot()) {
            out.add(t.fa().clone());
        }
        return out;
    }

    private static void assertSameValues(List<float[]> a, List<float[]> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "parameter " + i);
        }
    }

    @Test
    void gridIsZeroToNinetyPercentPlusTheTargetOnce() {
        assertEquals(List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), SparsitySweep.grid(0.8));
        assertEquals(List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9), SparsitySweep.grid(0.75));
        assertEquals(List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95), SparsitySweep.grid(0.95));
    }

    @Test
    void magnitudeSweepAtTheTargetIsTheOneShotRunWithoutFineTuning() {
        Network base = trained();
        List<float[]> before = values(base);
        for (Scope scope : Scope.values()) {
            MagnitudePruning method = MagnitudePruning.of(0.75, scope);
            List<SparsitySweep.Point> sweep = SparsitySweep.magnitude(base, method, SparsitySweep.grid(0.75), DATA);
            Pruner.Result r = Pruner.magnitude(base, method, new Pruner.Job(PruneSchedule.oneShot(0.75), null, null, DATA, 0), DATA);
            SparsitySweep.Point atTarget = sweep.stream().filter(p -> p.sparsity() == 0.75).findFirst().orElseThrow();
            assertEquals(r.report().afterPruning().accuracy(), atTarget.accuracy(), 0.0, scope.toString());
            assertEquals(r.report().afterPruning().sparsity(), atTarget.parameterSparsity(), 0.0);
            // sparsity 0 prunes nothing: the accuracy before pruning
            assertEquals(r.report().before().accuracy(), sweep.get(0).accuracy(), 0.0);
            // one stage, not fine-tuned
            assertEquals(List.of(new PruneStage(0.75, r.report().afterPruning().accuracy(), Double.NaN)), r.report().stages());
        }
        assertSameValues(before, values(base));
    }

    @Test
    void globalMagnitudeSweepZeroesRoundedSharesOfTheWeights() {
        Network base = trained();
        List<SparsitySweep.Point> sweep = SparsitySweep.magnitude(base, MagnitudePruning.of(0.5, Scope.GLOBAL),
                SparsitySweep.grid(0.5), DATA);
        for (SparsitySweep.Point p : sweep) {
            // round-half-even(s·216) weights zeroed, biases kept, over all 243 parameters
            assertEquals(Math.rint(p.sparsity() * WEIGHTS) / PARAMETERS, p.parameterSparsity(), 1e-15, "at " + p.sparsity());
            assertTrue(p.accuracy() >= 0 && p.accuracy() <= 1);
        }
        assertTrue(sweep.get(sweep.size() - 1).accuracy() < sweep.get(0).accuracy(),
                "removing 90% of the weights costs accuracy: " + sweep);
    }

    @Test
    void neuronSweepAtTheTargetIsTheOneShotRunAndLeavesTheNetworkAlone() {
        Network base = trained();
        List<float[]> before = values(base);
        for (double target : new double[] {0.3, 0.5}) {
            NeuronPruning method = NeuronPruning.of(target, Norm.L2, Scope.LAYER);
            List<SparsitySweep.Point> sweep = SparsitySweep.neurons(base, method, SparsitySweep.grid(target), DATA);
            Pruner.Result r = Pruner.neurons(base, method, new Pruner.Job(PruneSchedule.oneShot(target), null, null, DATA, 0), DATA);
            SparsitySweep.Point atTarget = sweep.stream().filter(p -> p.sparsity() == target).findFirst().orElseThrow();
            assertEquals(r.report().afterPruning().accuracy(), atTarget.accuracy(), 0.0);
            assertEquals(1.0 - (double) r.report().afterPruning().parameters() / PARAMETERS, atTarget.parameterSparsity(), 1e-15);
        }
        assertSameValues(before, values(base));
    }

    @Test
    void aSparsityThatWouldEmptyALayerHasNoAccuracy() {
        Network net = Network.compile(NetworkSpec.mlp(2, Activation.RELU, 6, 2, 3));
        // round(0.9·2) = 2 of 2 hidden units: not reachable
        List<SparsitySweep.Point> sweep = SparsitySweep.neurons(net, NeuronPruning.of(0.5, Norm.L2, Scope.LAYER), List.of(0.5, 0.9), DATA);
        assertTrue(Double.isFinite(sweep.get(0).accuracy()));
        assertTrue(Double.isNaN(sweep.get(1).accuracy()));
        assertTrue(Double.isNaN(sweep.get(1).parameterSparsity()));
    }

    @Test
    void iterativeStagesFollowThePhasesAndEndAtTheReportedAccuracies() {
        Network base = trained();
        MagnitudePruning method = MagnitudePruning.of(0.875, Scope.LAYER);
        PruneSchedule schedule = PruneSchedule.iterative(0.875, 3);
        FineTune ft = FineTune.crossEntropy(Adam.adam(5e-3), 2, 20, 3);
        Pruner.Result r = Pruner.magnitude(base, method, new Pruner.Job(schedule, ft, null, DATA, 0), DATA);
        List<PruneStage> stages = r.report().stages();
        assertEquals(3, stages.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(schedule.sparsities().get(i), stages.get(i).sparsity());
            assertTrue(Double.isFinite(stages.get(i).accuracyAfterPruning()));
            assertTrue(Double.isFinite(stages.get(i).accuracyAfterFineTuning()));
        }
        // the first phase prunes the trained network one-shot
        double first = SparsitySweep.magnitude(base, method, List.of(schedule.sparsities().get(0)), DATA).get(0).accuracy();
        assertEquals(first, stages.get(0).accuracyAfterPruning(), 0.0);
        assertEquals(r.report().afterPruning().accuracy(), stages.get(2).accuracyAfterPruning(), 0.0);
        assertEquals(r.report().afterFineTuning().accuracy(), stages.get(2).accuracyAfterFineTuning(), 0.0);
    }

    @Test
    void neuronStagesEndAtTheReportedAccuracies() {
        Network base = trained();
        FineTune ft = FineTune.crossEntropy(Adam.adam(5e-3), 1, 20, 3);
        Pruner.Result r = Pruner.neurons(base, NeuronPruning.of(0.75, Norm.L1, Scope.LAYER),
                new Pruner.Job(PruneSchedule.iterative(0.75, 2), ft, null, DATA, 0), DATA);
        List<PruneStage> stages = r.report().stages();
        assertEquals(2, stages.size());
        assertEquals(0.5, stages.get(0).sparsity(), 1e-12);
        assertEquals(r.report().afterPruning().accuracy(), stages.get(1).accuracyAfterPruning(), 0.0);
        assertEquals(r.report().afterFineTuning().accuracy(), stages.get(1).accuracyAfterFineTuning(), 0.0);
    }

    @Test
    void gradualStagesAreMeasuredWithoutDisturbingTraining() {
        Network base = trained();
        MagnitudePruning method = MagnitudePruning.of(0.8, Scope.GLOBAL);
        PruneSchedule schedule = PruneSchedule.gradual(0.8, 4, 3, 0.0);
        FineTune ft = FineTune.crossEntropy(Adam.adam(5e-3), 1, 20, 3);
        Pruner.Result measured = Pruner.magnitude(base, method, new Pruner.Job(schedule, ft, null, DATA, 0), DATA);
        Pruner.Result unmeasured = Pruner.magnitude(base, method, new Pruner.Job(schedule, ft, null, null, 0), DATA);
        // Accuracies are taken on a copy: the pruned, trained network and its history are the same either way.
        assertSameValues(values(unmeasured.network()), values(measured.network()));
        assertEquals(unmeasured.fineTuning(), measured.fineTuning());
        assertEquals(unmeasured.masks(), measured.masks());

        List<PruneStage> stages = measured.report().stages();
        assertEquals(4, stages.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(schedule.sparsities().get(i), stages.get(i).sparsity());
            assertTrue(Double.isFinite(stages.get(i).accuracyAfterPruning()) && Double.isFinite(stages.get(i).accuracyAfterFineTuning()));
        }
        // before any training the first phase is the trained network pruned one-shot
        double first = SparsitySweep.magnitude(base, method, List.of(schedule.sparsities().get(0)), DATA).get(0).accuracy();
        assertEquals(first, stages.get(0).accuracyAfterPruning(), 0.0);
        assertEquals(measured.report().afterPruning().accuracy(), stages.get(3).accuracyAfterPruning(), 0.0);
        assertEquals(measured.report().afterFineTuning().accuracy(), stages.get(3).accuracyAfterFineTuning(), 0.0);
        // right after the last pruning the masks are already at the target
        assertEquals(measured.report().afterPruning().nonZeros(), measured.report().afterFineTuning().nonZeros());
    }
}
