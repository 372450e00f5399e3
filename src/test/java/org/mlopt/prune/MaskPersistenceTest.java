package org.mlopt.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

/** Pruned weights stay exactly zero through fine-tuning and through save and load. */
class MaskPersistenceTest {

    static final Dataset DATA = SyntheticData.classification(256, 8, 3, 7, Precision.FLOAT32);

    static Network trained() {
        Network net = Network.compile(NetworkSpec.mlp(1, Activation.RELU, 8, 32, 16, 3));
        new Trainer(net, new Loss.CrossEntropy(), Adam.adam(1e-2), TrainConfig.of(5, 32, 0)).fit(DATA);
        return net;
    }

    static void assertPrunedAreZero(Network net, PruningMasks masks) {
        for (int i = 0; i < masks.layers(); i++) {
            boolean[] m = masks.weightMask(i);
            if (m == null) {
                continue;
            }
            float[] w = net.weights().get(i).value().fa();
            for (int k = 0; k < m.length; k++) {
                if (!m[k]) {
                    assertEquals(0, Float.floatToRawIntBits(w[k]), "layer " + i + " entry " + k + " = " + w[k]);
                }
            }
        }
    }

    @Test
    void masksHoldThroughFineTuningAndOnlyBecauseOfTheListener() {
        Network base = trained();
        FineTune ft = FineTune.crossEntropy(Adam.adamW(1e-2), 3, 16, 1);
        Pruner.Result r = Pruner.magnitude(base, MagnitudePruning.of(0.7, Scope.GLOBAL),
                new Pruner.Job(PruneSchedule.oneShot(0.7), ft, null, DATA, 0), DATA);
        assertPrunedAreZero(r.network(), r.masks());
        int n = 8 * 32 + 32 * 16 + 16 * 3;
        assertEquals(Math.rint(0.7 * n), r.masks().prunedCount());
        assertEquals(r.report().afterPruning().nonZeros(), r.report().afterFineTuning().nonZeros(),
                "fine-tuning changes no pruned weight (and, here, zeroes no kept one)");
        // the kept weights did train
        Network prunedOnly = Pruner.magnitude(base, MagnitudePruning.of(0.7, Scope.GLOBAL),
                new Pruner.Job(PruneSchedule.oneShot(0.7), null, null, null, 0), DATA).network();
        assertNotEquals(prunedOnly.weights().get(0).value().get(r.masks().weightMask(0)[0] ? 0 : firstKept(r.masks())),
                r.network().weights().get(0).value().get(r.masks().weightMask(0)[0] ? 0 : firstKept(r.masks())));
        // control: the same fine-tuning without the mask listener regrows pruned weights
        Network unmasked = Pruner.copy(prunedOnly);
        new Trainer(unmasked, new Loss.CrossEntropy(), Adam.adamW(1e-2), TrainConfig.of(3, 16, 1)).fit(DATA);
        long regrown = 0;
        for (int k = 0; k < r.masks().weightMask(0).length; k++) {
            if (!r.masks().weightMask(0)[k] && unmasked.weights().get(0).value().get(k) != 0.0) {
                regrown++;
            }
        }
        assertTrue(regrown > 0, "without masks fine-tuning regrows pruned weights");
    }

    @Test
    void earlyStoppingWithRestoreBestKeepsTheMasks() {
        Network base = trained();
        TrainConfig config = TrainConfig.of(30, 16, 2).withValidationFraction(0.25)
                .withEarlyStopping(new org.mlopt.train.EarlyStopping("val_loss", 2, 0.0, true));
        FineTune ft = new FineTune(new Loss.CrossEntropy(), Adam.adam(5e-2), config);
        Pruner.Result r = Pruner.magnitude(base, MagnitudePruning.of(0.6, Scope.LAYER),
                new Pruner.Job(PruneSchedule.iterative(0.6, 2), ft, null, DATA, 0), DATA);
        assertPrunedAreZero(r.network(), r.masks());
        assertEquals(2, r.fineTuning().size());
        assertTrue(r.report().fineTuneEpochs() <= 60);
    }

    @Test
    void gradientMaskZeroesThePrunedEntriesOnly() {
        Network net = trained();
        PruningMasks masks = MagnitudePruner.prune(net, MagnitudePruning.of(0.5, Scope.LAYER), null);
        for (var p : net.parameters()) {
            p.grad().fill(1.0);
        }
        masks.applyToGradients(net);
        boolean[] m = masks.weightMask(1);
        for (int k = 0; k < m.length; k++) {
            assertEquals(m[k] ? 1.0 : 0.0, net.weights().get(1).grad().get(k));
        }
        assertEquals(1.0, net.biases().get(1).grad().get(0));
    }

    private static int firstKept(PruningMasks m) {
        boolean[] a = m.weightMask(0);
        for (int k = 0; k < a.length; k++) {
            if (a[k]) {
                return k;
            }
        }
        return 0;
    }

    @Test
    void saveAndLoadRestoreBitsAndMasks(@TempDir Path dir) throws IOException {
        Network net = trained();
        PruningMasks masks = MagnitudePruner.prune(net, MagnitudePruning.of(0.8, Scope.LAYER), null);
        net.biases().get(1).value().set(0, -0.0); // a negative zero must survive too
        Path file = dir.resolve("m.mlm");
        ModelFile.write(net, masks, file);
        ModelFile.Loaded loaded = ModelFile.read(file);
        assertEquals(net.spec(), loaded.network().spec());
        assertEquals(masks, loaded.masks());
        List<Tensor> a = net.snapshot();
        List<Tensor> b = loaded.network().snapshot();
        for (int p = 0; p < a.size(); p++) {
            for (int k = 0; k < a.get(p).size(); k++) {
                assertEquals(Float.floatToRawIntBits(a.get(p).fa()[k]), Float.floatToRawIntBits(b.get(p).fa()[k]));
            }
        }
        // fine-tuning the loaded network with the loaded masks keeps the zeros
        Network l = loaded.network();
        new Trainer(l, new Loss.CrossEntropy(), Adam.adam(1e-2), loaded.masks().keepingZero(l, TrainConfig.of(2, 32, 3)))
                .fit(DATA);
        assertPrunedAreZero(l, loaded.masks());
        // the sparse file is smaller than the dense one; CSR sizes: 4 + 4·(rows+1) + kept·(2 + 4)
        long dense = ModelFile.size(Network.compile(net.spec()), null);
        assertTrue(Files.size(file) < dense * 0.5, Files.size(file) + " vs dense " + dense);
    }

    @Test
    void denseFileSizeFollowsTheFormat() {
        Network net = Network.compile(NetworkSpec.mlp(2, Activation.TANH, 3, 5, 2));
        long header = 4 + 1 + 1 + 1 + 8 + 4 + 4 + 2 * (4 + 1 + 8);
        // four dense tensors: one encoding byte each plus 4 bytes per float
        long expected = header + (1 + 15 * 4) + (1 + 5 * 4) + (1 + 10 * 4) + (1 + 2 * 4);
        assertEquals(expected, ModelFile.size(net, null));
    }

    @Test
    void corruptFilesAreRejectedWithTheFileName(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.mlm");
        Files.write(bad, new byte[] {'N', 'O', 'P', 'E', 1});
        IOException e = assertThrows(IOException.class, () -> ModelFile.read(bad));
        assertTrue(e.getMessage().contains("bad.mlm") && e.getMessage().contains("magic"), e.getMessage());
        Network net = Network.compile(NetworkSpec.mlp(2, Activation.TANH, 3, 5, 2));
        byte[] ok = ModelFile.toBytes(net, null);
        Path cut = dir.resolve("cut.mlm");
        Files.write(cut, java.util.Arrays.copyOf(ok, ok.length - 3));
        IOException t = assertThrows(IOException.class, () -> ModelFile.read(cut));
        assertTrue(t.getMessage().contains("truncated"), t.getMessage());
    }
}
