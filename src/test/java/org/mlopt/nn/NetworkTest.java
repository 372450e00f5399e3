package org.mlopt.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.GradCheck;
import org.mlopt.autodiff.Node;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Program;
import org.mlopt.autodiff.Tensor;
import org.mlopt.loss.Loss;
import org.mlopt.loss.LossHead;

class NetworkTest {

    private static NetworkSpec spec(Activation act, Precision p, Initializer init) {
        return new NetworkSpec(4, List.of(DenseLayerSpec.dense(6, act), DenseLayerSpec.dense(5, act),
                DenseLayerSpec.dense(3, Activation.IDENTITY)), init, p, 17);
    }

    /** Network + cross-entropy on a fixed random batch of 7 rows. */
    private static Program withLoss(Network net, int seed) {
        LossHead head = new Loss.CrossEntropy(0.1).attach(net.graph(), net.output());
        Program p = net.graph().compile(head.loss(), 7);
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < 28; k++) {
            net.input().value().set(k, r.nextDouble() * 4 - 2);
        }
        for (int i = 0; i < 7; i++) {
            head.labels().array()[i] = i % 3;
        }
        head.labels().setSize(7);
        return p;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void denseLayersPassGradientChecks(Activation act) {
        // torch-default init draws nonzero biases: with zero biases a row whose units are all dead
        // reaches the next ReLU exactly at its kink, where finite differences are meaningless
        Network net = Network.compile(spec(act, Precision.FLOAT64, Initializer.TORCH_DEFAULT));
        GradCheck.check(withLoss(net, 1), net.parameters(), 1e-6, 1e-6);
    }

    @Test
    void float32GradientsAgreeWithFloat64() {
        Network n64 = Network.compile(spec(Activation.TANH, Precision.FLOAT64, Initializer.TORCH_DEFAULT));
        Network n32 = Network.compile(spec(Activation.TANH, Precision.FLOAT32, Initializer.TORCH_DEFAULT));
        Program p64 = withLoss(n64, 2);
        Program p32 = withLoss(n32, 2);
        p64.forward();
        p64.backward();
        p32.forward();
        p32.backward();
        assertEquals(p64.value(), p32.value(), 1e-5);
        for (int i = 0; i < n64.parameters().size(); i++) {
            Tensor g64 = n64.parameters().get(i).grad();
            Tensor g32 = n32.parameters().get(i).grad();
            for (int k = 0; k < g64.size(); k++) {
                assertEquals(g64.get(k), g32.get(k), 1e-5);
            }
        }
    }

    @Test
    void initialisationIsSeededAndFollowsTheScheme() {
        Network a = Network.compile(spec(Activation.RELU, Precision.FLOAT32, Initializer.TORCH_DEFAULT));
        Network b = Network.compile(spec(Activation.RELU, Precision.FLOAT32, Initializer.TORCH_DEFAULT));
        Network c = Network.compile(spec(Activation.RELU, Precision.FLOAT32, Initializer.TORCH_DEFAULT).withSeed(18));
        assertArrayEquals(a.weights().get(0).value().fa(), b.weights().get(0).value().fa());
        assertTrue(!java.util.Arrays.equals(a.weights().get(0).value().fa(), c.weights().get(0).value().fa()));
        Node w = a.weights().get(1);
        Node bias = a.biases().get(1);
        double bound = 1 / Math.sqrt(6);
        for (int k = 0; k < w.value().size(); k++) {
            assertTrue(Math.abs(w.value().get(k)) <= bound);
        }
        for (int k = 0; k < bias.value().size(); k++) {
            assertTrue(Math.abs(bias.value().get(k)) <= bound && bias.value().get(k) != 0.0);
        }
        Network he = Network.compile(spec(Activation.RELU, Precision.FLOAT64, Initializer.HE));
        assertEquals(0.0, he.biases().get(0).value().get(0), 0.0);
    }

    @Test
    void heInitHasTheRightVariance() {
        NetworkSpec s = new NetworkSpec(400, List.of(DenseLayerSpec.dense(300, Activation.RELU)),
                Initializer.HE, Precision.FLOAT64, 3);
        Tensor w = Network.compile(s).weights().get(0).value();
        double sq = 0;
        for (int k = 0; k < w.size(); k++) {
            sq += w.get(k) * w.get(k);
        }
        assertEquals(2.0 / 400, sq / w.size(), 0.02 * 2.0 / 400);
    }

    @Test
    void predictEvaluatesInChunksWithoutDropout() {
        NetworkSpec s = new NetworkSpec(4, List.of(new DenseLayerSpec(8, Activation.RELU, 0.5),
                DenseLayerSpec.dense(2, Activation.IDENTITY)), Initializer.TORCH_DEFAULT, Precision.FLOAT64, 5);
        Network net = Network.compile(s);
        Tensor x = GradCheck.random(new SplittableRandom(1), 10, 4, -1, 1, 0);
        Tensor all = Tensor.zeros(Precision.FLOAT64, 10, 2);
        Tensor chunked = Tensor.zeros(Precision.FLOAT64, 10, 2);
        net.predict(x, all, 10);
        net.predict(x, chunked, 3);
        assertArrayEquals(all.da(), chunked.da(), 1e-15);
        Tensor again = net.predict(x);
        assertArrayEquals(all.da(), again.da(), 0.0);
    }
}
