package org.mlopt.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Node;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Program;
import org.mlopt.autodiff.Tensor;
import org.mlopt.loss.Loss;
import org.mlopt.loss.LossHead;
import org.mlopt.nn.DenseLayerSpec;
import org.mlopt.nn.Initializer;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;
import org.mlopt.optim.Adam;
import org.mlopt.optim.Optimizer;
import org.mlopt.optim.OptimizerState;
import org.mlopt.optim.Regularizer;
import org.mlopt.optim.Sgd;

class TrainerTest {

    /** Three Gaussian blobs in 5 dimensions. */
    static Dataset blobs(int n, long seed, Precision p) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor x = Tensor.zeros(p, n, 5);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 5; j++) {
                x.set(i * 5 + j, r.nextGaussian() + (j == y[i] ? 2.0 : 0.0));
            }
        }
        return Dataset.classification(x, y);
    }

    /** y = x·(1, −2, 0.5) + noise. */
    static Dataset linear(int n, long seed, double inputScale, Precision p) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor x = Tensor.zeros(p, n, 3);
        Tensor t = Tensor.zeros(p, n, 1);
        for (int i = 0; i < n; i++) {
            double v = 0;
            double[] w = {1, -2, 0.5};
            for (int j = 0; j < 3; j++) {
                double xi = r.nextGaussian() * inputScale;
                x.set(i * 3 + j, xi);
                v += w[j] * xi;
            }
            t.set(i, v + 0.1 * r.nextGaussian());
        }
        return Dataset.regression(x, t);
    }

    static Network mlp(long seed, Precision p, int in, int out) {
        return Network.compile(new NetworkSpec(in, List.of(DenseLayerSpec.dense(16, Activation.RELU),
                new DenseLayerSpec(8, Activation.TANH, 0.2), DenseLayerSpec.dense(out, Activation.IDENTITY)),
                Initializer.TORCH_DEFAULT, p, seed));
    }

    private static float[][] weights(Network net) {
        return net.parameters().stream().map(n -> n.value().fa().clone()).toArray(float[][]::new);
    }

    @Test
    void sameSeedGivesBitIdenticalWeights() {
        Dataset data = blobs(150, 1, Precision.FLOAT32);
        TrainConfig cfg = TrainConfig.of(5, 16, 7).withValidationFraction(0.2);
        Network a = mlp(3, Precision.FLOAT32, 5, 3);
        Network b = mlp(3, Precision.FLOAT32, 5, 3);
        Network c = mlp(3, Precision.FLOAT32, 5, 3);
        History ha = new Trainer(a, new Loss.CrossEntropy(), Adam.adam(0.01), cfg).fit(data);
        History hb = new Trainer(b, new Loss.CrossEntropy(), Adam.adam(0.01), cfg).fit(data);
        new Trainer(c, new Loss.CrossEntropy(), Adam.adam(0.01), TrainConfig.of(5, 16, 8).withValidationFraction(0.2)).fit(data);
        float[][] wa = weights(a);
        float[][] wb = weights(b);
        for (int i = 0; i < wa.length; i++) {
            assertArrayEquals(wa[i], wb[i]);
        }
        assertEquals(ha.epochs(), hb.epochs());
        assertFalse(java.util.Arrays.equals(wa[0], weights(c)[0]), "another shuffle seed gives other weights");
        assertTrue(ha.last().metric("val_accuracy") > 0.8, "learns the blobs: " + ha.last());
    }

    @Test
    void sgdWithMomentumBlowsUpIntoADivergenceException() {
        // a linear model on unscaled inputs (scale 30): the curvature is far beyond what lr 0.1 tolerates
        Dataset data = linear(64, 2, 30.0, Precision.FLOAT32);
        Network net = Network.compile(NetworkSpec.mlp(0, Activation.IDENTITY, 3, 4, 1));
        Trainer trainer = new Trainer(net, new Loss.MeanSquaredError(), new Sgd(0.1, 0.9), TrainConfig.of(20, 8, 0));
        DivergenceException e = assertThrows(DivergenceException.class, () -> trainer.fit(data));
        assertTrue(e.getMessage().matches("training diverged at epoch \\d+, batch \\d+: (the loss became (NaN|\\+Inf)"
                + "|parameter layer\\d\\.(weight|bias) became NaN or infinite)\\. Try a smaller learning rate "
                + "\\(lr 0\\.1 → 0\\.01\\), gradient clipping \\(clip_norm: 1\\.0\\) or standardized inputs\\."),
                e.getMessage());
        assertTrue(e.epoch() >= 1 && e.batch() >= 1 && e.batch() <= 8);
    }

    @Test
    void divergenceIsDetectedInFloat64ThroughTheLoss() {
        Dataset data = linear(32, 3, 1e3, Precision.FLOAT64);
        Network net = mlp(0, Precision.FLOAT64, 3, 1);
        Trainer trainer = new Trainer(net, new Loss.MeanSquaredError(), new Sgd(1.0, 0.9), TrainConfig.of(50, 4, 0));
        DivergenceException e = assertThrows(DivergenceException.class, () -> trainer.fit(data));
        assertTrue(e.getMessage().startsWith("training diverged at epoch " + e.epoch() + ", batch " + e.batch() + ": "),
                e.getMessage());
        for (Node p : net.parameters()) {
            // the exception is raised before a non-finite loss could be used for another update
            assertTrue(p.value().allFinite() || e.getMessage().contains(p.name()), e.getMessage());
        }
    }

    @Test
    void earlyStoppingRestoresTheBestEpoch() {
        Dataset train = linear(80, 4, 1.0, Precision.FLOAT64);
        // validation targets are the negated training relation, so fitting the training data hurts them
        Dataset flipped = linear(40, 5, 1.0, Precision.FLOAT64);
        Tensor neg = flipped.targets().copy();
        for (int k = 0; k < neg.size(); k++) {
            neg.set(k, -neg.get(k));
        }
        Dataset val = Dataset.regression(flipped.features(), neg);
        EarlyStopping es = new EarlyStopping("val_loss", 2, 0.0, true);
        Network net = mlp(1, Precision.FLOAT64, 3, 1);
        History h = new Trainer(net, new Loss.MeanSquaredError(), Adam.adam(0.01),
                TrainConfig.of(30, 16, 0).withEarlyStopping(es)).fit(train, val);
        assertEquals(History.StopReason.EARLY_STOPPED, h.stopReason());
        assertEquals(h.bestEpoch() + 2, h.epochs().size(), "stops after patience epochs without improvement");
        double bestVal = h.epochs().get(h.bestEpoch() - 1).metric("val_loss");
        for (EpochRecord r : h.epochs()) {
            assertTrue(r.metric("val_loss") >= bestVal);
        }
        // the same run cut at the best epoch gives the restored weights exactly
        Network ref = mlp(1, Precision.FLOAT64, 3, 1);
        new Trainer(ref, new Loss.MeanSquaredError(), Adam.adam(0.01), TrainConfig.of(h.bestEpoch(), 16, 0)).fit(train, val);
        for (int i = 0; i < ref.parameters().size(); i++) {
            assertArrayEquals(ref.parameters().get(i).value().da(), net.parameters().get(i).value().da(), 0.0);
        }
    }

    @Test
    void minDeltaAndPatienceCountEpochsWithoutEnoughImprovement() {
        Dataset data = blobs(60, 2, Precision.FLOAT32);
        EarlyStopping es = new EarlyStopping("loss", 3, 1e9, false);
        History h = new Trainer(mlp(1, Precision.FLOAT32, 5, 3), new Loss.CrossEntropy(), Adam.adam(0.01),
                TrainConfig.of(20, 10, 0).withEarlyStopping(es)).fit(data);
        assertEquals(4, h.epochs().size());
        assertEquals(1, h.bestEpoch());
    }

    @Test
    void monitoringAMissingValueIsAnError() {
        Trainer t = new Trainer(mlp(1, Precision.FLOAT32, 5, 3), new Loss.CrossEntropy(), Adam.adam(0.01),
                TrainConfig.of(2, 10, 0).withEarlyStopping(new EarlyStopping("val_loss", 1, 0, true)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.fit(blobs(30, 1, Precision.FLOAT32)));
        assertEquals("early stopping monitors 'val_loss', which this run does not compute; available: loss, accuracy"
                + " (give validation data or a validation fraction)", e.getMessage());
    }

    @Test
    void cancellationStopsBetweenBatches() {
        AtomicInteger checks = new AtomicInteger();
        TrainConfig cfg = TrainConfig.of(10, 10, 0).withCancellation(() -> checks.incrementAndGet() > 13);
        Trainer t = new Trainer(mlp(1, Precision.FLOAT32, 5, 3), new Loss.CrossEntropy(), Adam.adam(0.01), cfg);
        History h = t.fit(blobs(60, 1, Precision.FLOAT32));
        assertEquals(History.StopReason.CANCELLED, h.stopReason());
        assertEquals(2, h.epochs().size(), "two full epochs of 6 batches, cancelled in the third");
        assertEquals(13, t.optimizerState().step());
    }

    @Test
    void batchSizeSelectsFullMiniOrStochasticDescent() {
        Dataset data = blobs(50, 1, Precision.FLOAT32);
        assertEquals(3, stepsFor(data, 0, 3), "full batch: one step per epoch");
        assertEquals(3, stepsFor(data, 500, 3));
        assertEquals(150, stepsFor(data, 1, 3), "stochastic: one step per sample");
        assertEquals(12, stepsFor(data, 16, 3), "mini-batch keeps the last partial batch (16+16+16+2)");
    }

    private static int stepsFor(Dataset data, int batch, int epochs) {
        Trainer t = new Trainer(mlp(1, Precision.FLOAT32, 5, 3), new Loss.CrossEntropy(), new Sgd(0.01),
                TrainConfig.of(epochs, batch, 0));
        t.fit(data);
        return t.optimizerState().step();
    }

    @Test
    void historyRecordsLossMetricsAndTheScheduledRate() {
        TrainConfig cfg = TrainConfig.of(4, 8, 0).withValidationFraction(0.25)
                .withSchedule(new org.mlopt.optim.LrSchedule.StepDecay(2, 0.1))
                .withRegularizer(new Regularizer.L2(1e-3)).withClipNorm(1.0);
        History h = new Trainer(mlp(1, Precision.FLOAT32, 5, 3), new Loss.CrossEntropy(), Adam.adam(0.01), cfg)
                .fit(blobs(80, 1, Precision.FLOAT32));
        assertEquals(4, h.epochs().size());
        assertEquals(0.01, h.epochs().get(1).learningRate(), 1e-15);
        assertEquals(0.001, h.epochs().get(2).learningRate(), 1e-15);
        for (EpochRecord r : h.epochs()) {
            assertTrue(r.metrics().keySet().containsAll(List.of("loss", "accuracy", "val_loss", "val_accuracy")));
            assertTrue(r.loss() > 0 && r.metric("val_loss") > 0);
        }
        assertTrue(h.last().loss() < h.epochs().get(0).loss());
    }

    @Test
    void distillationTrainsAgainstTeacherOutputs() {
        Dataset data = blobs(90, 3, Precision.FLOAT32);
        Network teacher = mlp(2, Precision.FLOAT32, 5, 3);
        new Trainer(teacher, new Loss.CrossEntropy(), Adam.adam(0.01), TrainConfig.of(20, 16, 0)).fit(data);
        Dataset withTeacher = data.withTeacher(teacher.predict(data.features()));
        Network student = Network.compile(NetworkSpec.mlp(4, Activation.RELU, 5, 4, 3));
        History h = new Trainer(student, new Loss.Distillation(0.5, 2.0), Adam.adam(0.01), TrainConfig.of(20, 16, 0))
                .fit(withTeacher, withTeacher);
        assertTrue(h.last().metric("val_accuracy") > 0.8, h.last().toString());
    }

    @Test
    void labelsOutsideTheOutputRangeAreReportedWithTheirRow() {
        Tensor x = Tensor.zeros(Precision.FLOAT32, 3, 5);
        Dataset bad = Dataset.classification(x, new int[] {0, 1, 7});
        Trainer t = new Trainer(mlp(1, Precision.FLOAT32, 5, 3), new Loss.CrossEntropy(), Adam.adam(0.01), TrainConfig.of(1, 2, 0));
        assertEquals("the training label 7 in row 3 is outside [0, 2] for a network with 3 outputs",
                assertThrows(IllegalArgumentException.class, () -> t.fit(bad)).getMessage());
    }

    @Test
    void afterStepListenerCanKeepPrunedWeightsAtZero() {
        Network net = mlp(1, Precision.FLOAT32, 5, 3);
        float[] w = net.weights().get(0).value().fa();
        int[] calls = {0};
        TrainConfig cfg = TrainConfig.of(3, 16, 0).withAfterStep((epoch, batch) -> {
            calls[0]++;
            for (int k = 0; k < w.length; k += 2) {
                w[k] = 0f;
            }
        });
        new Trainer(net, new Loss.CrossEntropy(), Adam.adam(0.01), cfg).fit(blobs(60, 1, Precision.FLOAT32));
        assertEquals(12, calls[0]);
        for (int k = 0; k < w.length; k++) {
            assertTrue((k % 2 == 0) == (w[k] == 0f), "weight " + k + " = " + w[k]);
        }
    }

    @Test
    void nonFiniteFeaturesAreReportedWithRowAndColumn() {
        org.ejml.data.DMatrixRMaj x = new org.ejml.data.DMatrixRMaj(4, 5);
        x.set(2, 3, Double.NaN);
        Trainer t = new Trainer(mlp(1, Precision.FLOAT32, 5, 3), new Loss.CrossEntropy(), Adam.adam(0.01), TrainConfig.of(1, 2, 0));
        assertEquals("the training features hold NaN in row 3, column 4: impute or drop missing values before training",
                assertThrows(IllegalArgumentException.class, () -> t.fit(Dataset.classification(x, new int[4]))).getMessage());
    }

    @Test
    void doubleInputsTrainAFloatNetwork() {
        Dataset f64 = blobs(60, 1, Precision.FLOAT64);
        Network net = mlp(1, Precision.FLOAT32, 5, 3);
        History h = new Trainer(net, new Loss.CrossEntropy(), Adam.adam(0.01), TrainConfig.of(10, 0, 0))
                .fit(Dataset.classification(f64.features().d(), f64.labels()));
        assertTrue(h.last().loss() < h.epochs().get(0).loss());
    }

    // ------------------------------------------------------------- no allocation per batch

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void steadyStateStepsAllocateNothing() {
        Network net = Network.compile(new NetworkSpec(16, List.of(DenseLayerSpec.dense(32, Activation.RELU),
                new DenseLayerSpec(16, Activation.GELU, 0.1), DenseLayerSpec.dense(10, Activation.IDENTITY)),
                Initializer.TORCH_DEFAULT, Precision.FLOAT32, 0));
        LossHead head = new Loss.CrossEntropy(0.1).attach(net.graph(), net.output());
        Program program = net.graph().compile(head.loss(), 32);
        List<Tensor> values = net.parameters().stream().map(Node::value).toList();
        List<Tensor> grads = net.parameters().stream().map(Node::grad).toList();
        Optimizer opt = Adam.adam(1e-3);
        OptimizerState state = opt.init(values);
        for (int i = 0; i < 32; i++) {
            head.labels().array()[i] = i % 10;
        }
        int[] batches = {32, 32, 17};
        Runnable step = () -> {
            for (int b : batches) {
                program.setBatch(b);
                head.labels().setSize(b);
                program.forward();
                program.backward();
                opt.update(grads, state, values);
            }
        };
        for (int i = 0; i < 2000; i++) {
            step.run();
        }
        // reading the counter itself allocates a few hundred bytes, so compare 100 and 500 steps
        double perBatch = steadyState(() -> {
            long a = allocatedBytes();
            for (int i = 0; i < 100; i++) {
                step.run();
            }
            long b = allocatedBytes();
            for (int i = 0; i < 500; i++) {
                step.run();
            }
            long c = allocatedBytes();
            return ((c - b) - (b - a)) / (400.0 * batches.length);
        });
        assertTrue(perBatch < 0.1, "bytes allocated per batch: " + perBatch);
    }

    @Test
    void theTrainingLoopAllocatesNothingPerBatch() {
        Dataset data = blobs(3200, 1, Precision.FLOAT32);
        Network net = mlp(1, Precision.FLOAT32, 5, 3);
        Trainer one = new Trainer(net, new Loss.CrossEntropy(), Adam.adam(1e-3), TrainConfig.of(1, 8, 0));
        Trainer three = new Trainer(net, new Loss.CrossEntropy(), Adam.adam(1e-3), TrainConfig.of(3, 8, 0));
        // Warm up until the JIT has compiled the kernels (Vector API code allocates until C2 compiles it).
        Trainer warmUp = new Trainer(net, new Loss.CrossEntropy(), Adam.adam(1e-3), TrainConfig.of(20, 8, 0));
        warmUp.fit(data);
        one.fit(data);
        three.fit(data);
        // two extra epochs of 400 batches each; what remains per batch is the per-epoch history record
        double perBatch = steadyState(() -> {
            long a = allocatedBytes();
            one.fit(data);
            long b = allocatedBytes();
            three.fit(data);
            long c = allocatedBytes();
            return ((c - b) - (b - a)) / 800.0;
        });
        assertTrue(perBatch < 4, "bytes per batch: " + perBatch);
    }

    /**
     * The lowest of a few measurements: on a loaded machine the JIT may still be compiling a kernel
     * (Vector API code allocates until C2 has compiled it) during the first; steady state is what
     * the later ones see. A loop that allocates per batch does so in every measurement.
     */
    private static double steadyState(java.util.function.DoubleSupplier perBatch) {
        double lowest = Double.POSITIVE_INFINITY;
        for (int attempt = 0; attempt < 5 && lowest > 0; attempt++) lowest = Math.min(lowest, perBatch.getAsDouble());
        return lowest;
    }
}
