package org.mlopt.optim;

import java.util.List;
import org.mlopt.autodiff.Tensor;
import org.mlopt.tensor.ElementKernels;
import org.mlopt.tensor.Parallel;

/**
 * Adam with bias correction, computed as torch.optim.Adam does:
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − (η/(1−β₁ᵗ))·m/(√v/√(1−β₂ᵗ) + ε).
 * {@code decoupled = false}: weight decay as L2 in the gradient (Adam, g ← g + wd·θ);
 * {@code decoupled = true}: AdamW, θ ← θ(1 − η·wd) before the Adam step.
 */
public final class Adam extends Optimizer {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;

    public Adam(double learningRate, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        super(learningRate);
        checkEpsilon(eps);
        checkBeta(0, beta1);
        checkBeta(1, beta2);
        checkNonNegative("weight_decay", weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    /** torch.optim.Adam(lr) defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public static Adam adam(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, 0.0, false);
    }

    /** torch.optim.AdamW(lr) defaults: betas (0.9, 0.999), eps 1e-8, weight decay 0.01 decoupled. */
    public static Adam adamW(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, 0.01, true);
    }

    public String name() {
        return decoupled ? "adamw" : "adam";
    }

    /** First and second moments. */
    public static final class State extends OptimizerState {
        final List<Tensor> m;
        final List<Tensor> v;
        final FloatStep floatStep;

        State(double lr, List<Tensor> m, List<Tensor> v) {
            super(lr);
            this.m = m;
            this.v = v;
            this.floatStep = new FloatStep();
        }

        public List<Tensor> firstMoment() {
            return m;
        }

        public List<Tensor> secondMoment() {
            return v;
        }
    }

    /**
     * The float32 step of one tensor over an element range, so that a large tensor's step can be
     * split across threads ({@link Parallel}); every element gets the same operations whatever
     * the split. Fields are set before each use: a step allocates nothing.
     */
    static final class FloatStep implements Parallel.RangeTask {
        float[] p;
        float[] g;
        float[] m;
        float[] v;
        float b1;
        float b2;
        float c1;
        float c2;
        float wd;
        float shrink;
        float step;
        float bc;
        float eps;

        @Override
        public void run(int from, int to) {
            ElementKernels.get().adam(p, g, m, v, from, to, b1, b2, c1, c2, wd, shrink, step, bc, eps);
        }
    }

    /** Tensors from this many elements up have their step split across threads. */
    static final long MIN_SPLIT_ELEMENTS = 16384;

    public OptimizerState init(List<Tensor> params) {
        return new State(learningRate(), zerosLike(params), zerosLike(params));
    }

    protected void apply(List<Tensor> grads, OptimizerState s, List<Tensor> params) {
        State state = (State) s;
        double lr = state.learningRate();
        int t = state.step();
        double stepSize = lr / (1.0 - Math.pow(beta1, t));
        double bc2Sqrt = Math.sqrt(1.0 - Math.pow(beta2, t));
        double l2 = decoupled ? 0.0 : weightDecay;
        double shrink = decoupled ? 1.0 - lr * weightDecay : 1.0;
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            int n = p.size();
            if (p.isFloat()) {
                FloatStep f = state.floatStep;
                f.p = p.fa();
                f.g = grads.get(i).fa();
                f.m = state.m.get(i).fa();
                f.v = state.v.get(i).fa();
                f.b1 = (float) beta1;
                f.b2 = (float) beta2;
                f.c1 = (float) (1.0 - beta1);
                f.c2 = (float) (1.0 - beta2);
                f.wd = (float) l2;
                f.shrink = (float) shrink;
                f.step = (float) stepSize;
                f.bc = (float) bc2Sqrt;
                f.eps = (float) eps;
                Parallel.forRange(n, 16, n, MIN_SPLIT_ELEMENTS, f);
            } else {
                double[] pa = p.da();
                double[] ga = grads.get(i).da();
                double[] ma = state.m.get(i).da();
                double[] va = state.v.get(i).da();
                for (int k = 0; k < n; k++) {
                    double g = ga[k] + l2 * pa[k];
                    ma[k] = beta1 * ma[k] + (1.0 - beta1) * g;
                    va[k] = beta2 * va[k] + (1.0 - beta2) * g * g;
                    double denom = Math.sqrt(va[k]) / bc2Sqrt + eps;
                    pa[k] = pa[k] * shrink - stepSize * (ma[k] / denom);
                }
            }
        }
    }
}
