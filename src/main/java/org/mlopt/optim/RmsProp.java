package org.mlopt.optim;

import java.util.List;
import org.mlopt.autodiff.Tensor;

/**
 * RMSprop as torch.optim.RMSprop (and the tutorial's section 4.4): s ← αs + (1−α)g²,
 * θ ← θ − η·g/(√s + ε), with ε outside the square root; weight decay as L2 in the gradient.
 * Defaults α = 0.99, ε = 1e-8.
 */
public final class RmsProp extends Optimizer {

    private final double alpha;
    private final double eps;
    private final double weightDecay;

    public RmsProp(double learningRate, double alpha, double eps, double weightDecay) {
        super(learningRate);
        checkEpsilon(eps);
        checkNonNegative("weight_decay", weightDecay);
        if (!(alpha >= 0.0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("Invalid alpha value: " + alpha);
        }
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    public RmsProp(double learningRate) {
        this(learningRate, 0.99, 1e-8, 0.0);
    }

    public String name() {
        return "rmsprop";
    }

    /** Running mean of squared gradients. */
    public static final class State extends OptimizerState {
        final List<Tensor> squareAverage;

        State(double lr, List<Tensor> squareAverage) {
            super(lr);
            this.squareAverage = squareAverage;
        }
    }

    public OptimizerState init(List<Tensor> params) {
        return new State(learningRate(), zerosLike(params));
    }

    protected void apply(List<Tensor> grads, OptimizerState s, List<Tensor> params) {
        State state = (State) s;
        double lr = state.learningRate();
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            int n = p.size();
            if (p.isFloat()) {
                float[] pa = p.fa();
                float[] ga = grads.get(i).fa();
                float[] sa = state.squareAverage.get(i).fa();
                float a = (float) alpha;
                float b = (float) (1.0 - alpha);
                float wd = (float) weightDecay;
                float e = (float) eps;
                float eta = (float) lr;
                for (int k = 0; k < n; k++) {
                    float g = ga[k] + wd * pa[k];
                    sa[k] = a * sa[k] + b * g * g;
                    pa[k] -= eta * g / ((float) Math.sqrt(sa[k]) + e);
                }
            } else {
                double[] pa = p.da();
                double[] ga = grads.get(i).da();
                double[] sa = state.squareAverage.get(i).da();
                for (int k = 0; k < n; k++) {
                    double g = ga[k] + weightDecay * pa[k];
                    sa[k] = alpha * sa[k] + (1.0 - alpha) * g * g;
                    pa[k] -= lr * g / (Math.sqrt(sa[k]) + eps);
                }
            }
        }
    }
}
