package org.mlopt.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Finite-difference checks of every rule in {@link Ops}, in float64. */
class OpsGradientTest {

    private final SplittableRandom random = new SplittableRandom(42);

    /** Squared distance to a random fixed target: a generic scalar with a nonzero gradient everywhere. */
    private Node squaredTo(Graph g, Node x) {
        Tensor target = GradCheck.random(random, x.fixedRows(), x.cols(), -1, 1, 0);
        Node t = g.parameter("target", target, false);
        return g.apply(new Ops.ElementwiseLoss(x, t, Ops.PointLoss.SQUARED, 0));
    }

    @Test
    void matmulGradients() {
        Graph g = new Graph(Precision.FLOAT64);
        Node x = g.parameter("x", GradCheck.random(random, 3, 4, -1, 1, 0), false);
        Node w = g.parameter("w", GradCheck.random(random, 4, 5, -1, 1, 0), true);
        Node loss = squaredTo(g, g.matmul(x, w));
        GradCheck.check(g.compile(loss, 1), List.of(x, w));
    }

    @Test
    void gradientsAccumulateWhenANodeFeedsSeveralOps() {
        Graph g = new Graph(Precision.FLOAT64);
        Node x = g.parameter("x", GradCheck.random(random, 3, 4, -1, 1, 0), false);
        Node w = g.parameter("w", GradCheck.random(random, 4, 4, -1, 1, 0), true);
        Node h = g.matmul(x, w);
        Node h2 = g.matmul(h, w);
        Node sum = g.add(g.biasActivation(h, null, Activation.TANH), h2);
        Node loss = g.add(squaredTo(g, sum), g.apply(new Ops.Penalty(Ops.PenaltyKind.L2, 0.3, w, w)));
        GradCheck.check(g.compile(loss, 1), List.of(x, w));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void biasActivationGradients(Activation act) {
        Graph g = new Graph(Precision.FLOAT64);
        Node z = g.parameter("z", GradCheck.random(random, 4, 6, -3, 3, 0.01), false);
        Node b = g.parameter("b", GradCheck.random(random, 1, 6, -0.001, 0.001, 0), false);
        Node loss = squaredTo(g, g.biasActivation(z, b, act));
        GradCheck.check(g.compile(loss, 1), List.of(z, b), 1e-6, 1e-6);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationWithoutBiasGradients(Activation act) {
        Graph g = new Graph(Precision.FLOAT64);
        Node z = g.parameter("z", GradCheck.random(random, 3, 5, -4, 4, 0.01), false);
        Node loss = squaredTo(g, g.biasActivation(z, null, act));
        GradCheck.check(g.compile(loss, 1), List.of(z), 1e-6, 1e-6);
    }

    @Test
    void addAndScaleGradients() {
        Graph g = new Graph(Precision.FLOAT64);
        Node a = g.parameter("a", GradCheck.random(random, 2, 3, -1, 1, 0), false);
        Node b = g.parameter("b", GradCheck.random(random, 2, 3, -1, 1, 0), false);
        Node loss = squaredTo(g, g.add(g.scale(a, -2.5), g.add(b, a)));
        GradCheck.check(g.compile(loss, 1), List.of(a, b));
    }

    @Test
    void dropoutBackwardUsesTheForwardMask() {
        Graph g = new Graph(Precision.FLOAT64);
        Tensor ones = Tensor.zeros(Precision.FLOAT64, 20, 10);
        ones.fill(1.0);
        Node x = g.parameter("x", ones, false);
        Node d = g.dropout(x, 0.3, 7);
        Node loss = g.scale(g.apply(new Ops.Penalty(Ops.PenaltyKind.L1, 1.0, d)), 1.0);
        Program p = g.compile(loss, 1);
        p.forward();
        p.backward();
        int kept = 0;
        for (int k = 0; k < 200; k++) {
            double m = d.value().get(k);
            assertTrue(m == 0.0 || Math.abs(m - 1 / 0.7) < 1e-12, "mask value " + m);
            kept += m == 0.0 ? 0 : 1;
            // d|m·x|/dx = sign(m·x)·m = m for x = 1
            assertEquals(m, x.grad().get(k), 1e-12);
        }
        assertTrue(kept > 110 && kept < 170, "kept " + kept + " of 200 at p = 0.3");
        g.setTraining(false);
        p.forward();
        assertEquals(200.0, p.value(), 1e-12, "evaluation mode is the identity");
    }

    @Test
    void dropoutIsSeeded() {
        double[] first = dropoutValues(11);
        double[] second = dropoutValues(11);
        double[] other = dropoutValues(12);
        org.junit.jupiter.api.Assertions.assertArrayEquals(first, second);
        assertTrue(!java.util.Arrays.equals(first, other));
    }

    private static double[] dropoutValues(long seed) {
        Graph g = new Graph(Precision.FLOAT64);
        Tensor ones = Tensor.zeros(Precision.FLOAT64, 5, 8);
        ones.fill(1.0);
        Node d = g.dropout(g.parameter("x", ones, false), 0.5, seed);
        g.compile(d, 1).forward();
        return java.util.Arrays.copyOf(d.value().da(), 40);
    }

    @Test
    void batchShapedBuffersReshapeWithoutReallocating() {
        Graph g = new Graph(Precision.FLOAT64);
        Node x = g.input("x", 3);
        Node w = g.parameter("w", GradCheck.random(random, 3, 2, -1, 1, 0), true);
        Node out = g.biasActivation(g.matmul(x, w), null, Activation.RELU);
        Program p = g.compile(out, 8);
        double[] before = out.value().da();
        p.setBatch(3);
        assertEquals(3, out.value().rows());
        assertTrue(before == out.value().da(), "the buffer is reused");
        assertThrows(IllegalArgumentException.class, () -> p.setBatch(9));
    }

    @Test
    void shapeErrorsAreReported() {
        Graph g = new Graph(Precision.FLOAT64);
        Node x = g.parameter("x", Tensor.zeros(Precision.FLOAT64, 2, 3), false);
        Node w = g.parameter("w", Tensor.zeros(Precision.FLOAT64, 4, 2), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.matmul(x, w));
        assertTrue(e.getMessage().contains("do not conform"), e.getMessage());
    }
}
