package org.mlopt.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;

/**
 * Each optimizer on a 2×2 parameter whose gradient is g(p) = a·p + b: the first step against a
 * hand computation, three steps against PyTorch.
 */
class OptimizerTest {

    private static final double[] P0 = {0.5, -1.0, 2.0, 0.1};
    private static final double[] A = {1.0, 2.0, 0.5, 3.0};
    private static final double[] B = {0.1, -0.2, 0.3, 0.05};

    private static double[] run(Optimizer opt, int steps, Precision precision) {
        Tensor p = Tensor.zeros(precision, 2, 2);
        Tensor g = Tensor.zeros(precision, 2, 2);
        for (int k = 0; k < 4; k++) {
            p.set(k, P0[k]);
        }
        OptimizerState state = opt.init(List.of(p));
        for (int s = 0; s < steps; s++) {
            for (int k = 0; k < 4; k++) {
                g.set(k, A[k] * p.get(k) + B[k]);
            }
            opt.update(List.of(g), state, List.of(p));
        }
        double[] out = new double[4];
        for (int k = 0; k < 4; k++) {
            out[k] = p.get(k);
        }
        return out;
    }

    private static double g0(int k) {
        return A[k] * P0[k] + B[k];
    }

    /** p after one step of p ← p·shrink − lr·g/denominator(g). */
    private interface FirstStep {
        double apply(int k, double g);
    }

    private static double[] firstStep(FirstStep f) {
        double[] out = new double[4];
        for (int k = 0; k < 4; k++) {
            out[k] = f.apply(k, g0(k));
        }
        return out;
    }

    @Test
    void firstStepsByHand() {
        assertArrayEquals(firstStep((k, g) -> P0[k] - 0.1 * g), run(new Sgd(0.1), 1, Precision.FLOAT64), 1e-15);
        assertArrayEquals(firstStep((k, g) -> P0[k] - 0.1 * (g + 0.01 * P0[k])),
                run(new Sgd(0.1, 0, 0.01, false, null), 1, Precision.FLOAT64), 1e-15);
        // momentum: v1 = g0, so the first step is plain SGD; nesterov: g0 + μ·g0
        assertArrayEquals(firstStep((k, g) -> P0[k] - 0.1 * g), run(new Sgd(0.1, 0.9), 1, Precision.FLOAT64), 1e-15);
        assertArrayEquals(firstStep((k, g) -> P0[k] - 0.1 * 1.9 * g),
                run(new Sgd(0.1, 0.9, 0, true, null), 1, Precision.FLOAT64), 1e-15);
        // RMSprop: s = 0.01·g², p − lr·g/(√s + ε)
        assertArrayEquals(firstStep((k, g) -> P0[k] - 0.01 * g / (Math.sqrt(0.01 * g * g) + 1e-8)),
                run(new RmsProp(0.01), 1, Precision.FLOAT64), 1e-15);
        // Adam: bias-corrected moments are g and g², p − lr·g/(|g| + ε)
        assertArrayEquals(firstStep((k, g) -> P0[k] - 0.01 * g / (Math.abs(g) + 1e-8)),
                run(Adam.adam(0.01), 1, Precision.FLOAT64), 1e-15);
        // AdamW: p(1 − lr·wd) − lr·g/(|g| + ε)
        assertArrayEquals(firstStep((k, g) -> P0[k] * (1 - 0.01 * 0.1) - 0.01 * g / (Math.abs(g) + 1e-8)),
                run(new Adam(0.01, 0.9, 0.999, 1e-8, 0.1, true), 1, Precision.FLOAT64), 1e-15);
        // Adagrad: G = g², p − lr·g/(√G + ε)
        assertArrayEquals(firstStep((k, g) -> P0[k] - 0.1 * g / (Math.abs(g) + 1e-10)),
                run(new Adagrad(0.1), 1, Precision.FLOAT64), 1e-15);
    }

    @Test
    void secondMomentumStepByHand() {
        double[] expected = new double[4];
        for (int k = 0; k < 4; k++) {
            double g = g0(k);
            double p1 = P0[k] - 0.1 * g;
            double v2 = 0.9 * g + (A[k] * p1 + B[k]);
            expected[k] = p1 - 0.1 * v2;
        }
        assertArrayEquals(expected, run(new Sgd(0.1, 0.9), 2, Precision.FLOAT64), 1e-15);
    }

    // torch 1.13, float64, three steps: src/test/resources/reference/nn/torch_reference.py (.out beside it)
    @Test
    void threeStepsMatchTorch() {
        check(new double[] {0.33740000000000003, -0.4632, 1.629175, 0.023350000000000003}, new Sgd(0.1));
        check(new double[] {0.3362143395, -0.46133437899999996, 1.623852668, 0.023215204899999998},
                new Sgd(0.1, 0, 0.01, false, null));
        check(new double[] {0.19159999999999996, 0.031800000000000175, 1.301575, -0.04910000000000002},
                new Sgd(0.1, 0.9));
        check(new double[] {0.09639259999999997, 0.21918720000000017, 1.041802825, -0.05728685000000001},
                new Sgd(0.1, 0.9, 0, true, null));
        check(new double[] {0.2867692027157179, -0.7791114359967011, 1.7743337439770388, -0.016315205109035197},
                new RmsProp(0.01));
        check(new double[] {0.4700174574814119, -0.970009135306726, 1.970003754013454, 0.07012720135467687},
                Adam.adam(0.01));
        check(new double[] {0.47001775067648255, -0.9700091770225892, 1.9700039074968065, 0.07012802978116944},
                new Adam(0.01, 0.9, 0.999, 1e-8, 0.1, false));
        check(new double[] {0.4685498905472318, -0.967043081781944, 1.9640405092765694, 0.06985918555448763},
                new Adam(0.01, 0.9, 0.999, 1e-8, 0.1, true));
        check(new double[] {0.28723977441491744, -0.7795852578993319, 1.7748049407018378, -0.01628377992881603},
                new Adagrad(0.1));
    }

    private static void check(double[] torch, Optimizer opt) {
        assertArrayEquals(torch, run(opt, 3, Precision.FLOAT64), 1e-14, opt.name());
        assertArrayEquals(torch, run(opt, 3, Precision.FLOAT32), 2e-6, opt.name() + " float32");
    }

    @Test
    void tutorialMomentumEqualsTorchFormWhileTheRateIsConstant() {
        assertArrayEquals(run(new Sgd(0.1, 0.9), 5, Precision.FLOAT64),
                run(new Sgd(0.1, 0.9, 0, false, Sgd.MomentumForm.TUTORIAL), 5, Precision.FLOAT64), 1e-12);
        assertArrayEquals(run(new Sgd(0.1, 0.9, 0, true, null), 5, Precision.FLOAT64),
                run(new Sgd(0.1, 0.9, 0, true, Sgd.MomentumForm.TUTORIAL), 5, Precision.FLOAT64), 1e-12);
    }

    @Test
    void constructorsRejectBadValuesWithTorchMessages() {
        assertMessage("Invalid learning rate: -0.1", () -> new Sgd(-0.1));
        assertMessage("Invalid learning rate: NaN", () -> Adam.adam(Double.NaN));
        assertMessage("Invalid momentum value: -1.0", () -> new Sgd(0.1, -1));
        assertMessage("Invalid weight_decay value: -0.5", () -> new Sgd(0.1, 0, -0.5, false, null));
        assertMessage("Nesterov momentum requires a momentum and zero dampening", () -> new Sgd(0.1, 0, 0, true, null));
        assertMessage("Invalid epsilon value: -1.0E-8", () -> new Adam(0.1, 0.9, 0.999, -1e-8, 0, false));
        assertMessage("Invalid beta parameter at index 0: 1.0", () -> new Adam(0.1, 1.0, 0.999, 1e-8, 0, false));
        assertMessage("Invalid beta parameter at index 1: -0.1", () -> new Adam(0.1, 0.9, -0.1, 1e-8, 0, false));
        assertMessage("Invalid alpha value: -0.99", () -> new RmsProp(0.1, -0.99, 1e-8, 0));
        assertMessage("Invalid lr_decay value: -1.0", () -> new Adagrad(0.1, -1, 0, 0, 1e-10));
        assertMessage("Invalid initial_accumulator_value value: -1.0", () -> new Adagrad(0.1, 0, 0, -1, 1e-10));
    }

    private static void assertMessage(String expected, Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }

    @Test
    void clippingByGlobalNorm() {
        Tensor a = Tensor.zeros(Precision.FLOAT64, 1, 2);
        Tensor b = Tensor.zeros(Precision.FLOAT32, 1, 1);
        a.set(0, 3.0);
        a.set(1, 0.0);
        b.set(0, 4.0);
        double norm = GradientClipping.clipByGlobalNorm(List.of(a, b), 1.0);
        assertEquals(5.0, norm, 1e-12);
        assertEquals(3.0 / (5.0 + 1e-6), a.get(0), 1e-12);
        assertEquals(4.0 / (5.0 + 1e-6), b.get(0), 1e-7);
        double again = GradientClipping.clipByGlobalNorm(List.of(a, b), 10.0);
        assertEquals(1.0, again, 1e-6);
        assertEquals(3.0 / (5.0 + 1e-6), a.get(0), 1e-12, "no change under the limit");
    }

    @Test
    void schedules() {
        assertEquals(0.1, new LrSchedule.StepDecay(2, 0.5).learningRate(1, 0.1), 1e-15);
        assertEquals(0.05, new LrSchedule.StepDecay(2, 0.5).learningRate(2, 0.1), 1e-15);
        assertEquals(0.1 * 0.9 * 0.9 * 0.9, new LrSchedule.ExponentialDecay(0.9).learningRate(3, 0.1), 1e-15);
        LrSchedule cos = new LrSchedule.CosineAnnealing(10, 0.001);
        assertEquals(0.1, cos.learningRate(0, 0.1), 1e-15);
        assertEquals(0.001 + 0.099 / 2, cos.learningRate(5, 0.1), 1e-15);
        assertEquals(0.001, cos.learningRate(10, 0.1), 1e-15);
        LrSchedule warm = new LrSchedule.LinearWarmup(4, 0.25, new LrSchedule.ExponentialDecay(0.5));
        assertEquals(0.025, warm.learningRate(0, 0.1), 1e-15);
        assertEquals(0.0625, warm.learningRate(2, 0.1), 1e-15);
        assertEquals(0.1, warm.learningRate(4, 0.1), 1e-15);
        assertEquals(0.05, warm.learningRate(5, 0.1), 1e-15);
    }

    @Test
    void reduceOnPlateauCutsTheRateAfterPatienceEpochs() {
        ReduceOnPlateau plateau = new ReduceOnPlateau(false, 0.5, 2, 1e-4, 0.01);
        double[] losses = {1.0, 0.9, 0.9, 0.9, 0.9, 0.95, 0.95, 0.95};
        double[] rates = new double[losses.length];
        for (int e = 0; e < losses.length; e++) {
            rates[e] = plateau.learningRate(e, 0.1);
            plateau.endOfEpoch(e, losses[e]);
        }
        // bad epochs after 0.9: 1, 2, 3 > patience 2 at epoch 4 -> halve; again 3 epochs later
        assertArrayEquals(new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05}, rates, 1e-15);
        assertEquals(0.025, plateau.learningRate(8, 0.1), 1e-15);
    }
}
