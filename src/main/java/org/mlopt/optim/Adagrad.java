package org.mlopt.optim;

import java.util.List;
import org.mlopt.autodiff.Tensor;

/**
 * Adagrad as torch.optim.Adagrad: G ← G + g², θ ← θ − η_t·g/(√G + ε) with
 * η_t = η/(1 + (t−1)·lr_decay); weight decay as L2 in the gradient. Defaults ε = 1e-10,
 * initial accumulator 0.
 */
public final class Adagrad extends Optimizer {

    private final double lrDecay;
    private final double weightDecay;
    private final double initialAccumulator;
    private final double eps;

    public Adagrad(double learningRate, double lrDecay, double weightDecay, double initialAccumulator, double eps) {
        super(learningRate);
        checkNonNegative("lr_decay", lrDecay);
        checkNonNegative("weight_decay", weightDecay);
        checkNonNegative("initial_accumulator_value", initialAccumulator);
        checkEpsilon(eps);
        this.lrDecay = lrDecay;
        this.weightDecay = weightDecay;
        this.initialAccumulator = initialAccumulator;
        this.eps = eps;
    }

    public Adagrad(double learningRate) {
        this(learningRate, 0.0, 0.0, 0.0, 1e-10);
    }

    public String name() {
        return "adagrad";
    }

    /** Sums of squared gradients. */
    public static final class State extends OptimizerState {
        final List<Tensor> sum;

        State(double lr, List<Tensor> sum) {
            super(lr);
            this.sum = sum;
        }
    }

    public OptimizerState init(List<Tensor> params) {
        return new State(learningRate(), filledLike(params, initialAccumulator));
    }

    protected void apply(List<Tensor> grads, OptimizerState s, List<Tensor> params) {
        State state = (State) s;
        double clr = state.learningRate() / (1.0 + (state.step() - 1) * lrDecay);
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            int n = p.size();
            if (p.isFloat()) {
                float[] pa = p.fa();
                float[] ga = grads.get(i).fa();
                float[] sa = state.sum.get(i).fa();
                float wd = (float) weightDecay;
                float e = (float) eps;
                float c = (float) clr;
                for (int k = 0; k < n; k++) {
                    float g = ga[k] + wd * pa[k];
                    sa[k] += g * g;
                    pa[k] -= c * g / ((float) Math.sqrt(sa[k]) + e);
                }
            } else {
                double[] pa = p.da();
                double[] ga = grads.get(i).da();
                double[] sa = state.sum.get(i).da();
                for (int k = 0; k < n; k++) {
                    double g = ga[k] + weightDecay * pa[k];
                    sa[k] += g * g;
                    pa[k] -= clr * g / (Math.sqrt(sa[k]) + eps);
                }
            }
        }
    }
}
