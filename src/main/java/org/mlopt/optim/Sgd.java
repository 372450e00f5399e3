package org.mlopt.optim;

import java.util.List;
import org.mlopt.autodiff.Tensor;

/**
 * Stochastic gradient descent with L2 weight decay (g ← g + wd·θ), momentum and Nesterov momentum.
 *
 * <p>Two equivalent momentum forms. {@link MomentumForm#PYTORCH}: v ← μv + g, θ ← θ − η·v
 * (torch.optim.SGD, dampening 0; Nesterov uses g + μv). {@link MomentumForm#TUTORIAL}:
 * v ← γv + η·g, θ ← θ − v (the tutorial's section 4.4). They give the same iterates while η is
 * constant and differ only once a schedule changes η: the tutorial form keeps the old η inside v.
 */
public final class Sgd extends Optimizer {

    /** Where the learning rate enters the momentum recursion. */
    public enum MomentumForm { PYTORCH, TUTORIAL }

    private final double momentum;
    private final double weightDecay;
    private final boolean nesterov;
    private final MomentumForm form;

    public Sgd(double learningRate, double momentum, double weightDecay, boolean nesterov, MomentumForm form) {
        super(learningRate);
        checkNonNegative("momentum", momentum);
        checkNonNegative("weight_decay", weightDecay);
        if (nesterov && momentum <= 0.0) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
        this.form = form == null ? MomentumForm.PYTORCH : form;
    }

    public Sgd(double learningRate) {
        this(learningRate, 0.0, 0.0, false, MomentumForm.PYTORCH);
    }

    public Sgd(double learningRate, double momentum) {
        this(learningRate, momentum, 0.0, false, MomentumForm.PYTORCH);
    }

    public String name() {
        return "sgd";
    }

    /** Velocities, one per parameter (absent without momentum). */
    public static final class State extends OptimizerState {
        final List<Tensor> velocity;

        State(double lr, List<Tensor> velocity) {
            super(lr);
            this.velocity = velocity;
        }

        public List<Tensor> velocity() {
            return velocity;
        }
    }

    public OptimizerState init(List<Tensor> params) {
        return new State(learningRate(), momentum > 0 ? zerosLike(params) : null);
    }

    protected void apply(List<Tensor> grads, OptimizerState s, List<Tensor> params) {
        State state = (State) s;
        double lr = state.learningRate();
        boolean tutorial = form == MomentumForm.TUTORIAL;
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            Tensor g = grads.get(i);
            int n = p.size();
            if (p.isFloat()) {
                float[] pa = p.fa();
                float[] ga = g.fa();
                float[] va = state.velocity == null ? null : state.velocity.get(i).fa();
                float wd = (float) weightDecay;
                float mu = (float) momentum;
                float eta = (float) lr;
                for (int k = 0; k < n; k++) {
                    float d = ga[k] + wd * pa[k];
                    if (va == null) {
                        pa[k] -= eta * d;
                    } else if (tutorial) {
                        va[k] = mu * va[k] + eta * d;
                        pa[k] -= nesterov ? mu * va[k] + eta * d : va[k];
                    } else {
                        va[k] = mu * va[k] + d;
                        pa[k] -= eta * (nesterov ? d + mu * va[k] : va[k]);
                    }
                }
            } else {
                double[] pa = p.da();
                double[] ga = g.da();
                double[] va = state.velocity == null ? null : state.velocity.get(i).da();
                for (int k = 0; k < n; k++) {
                    double d = ga[k] + weightDecay * pa[k];
                    if (va == null) {
                        pa[k] -= lr * d;
                    } else if (tutorial) {
                        va[k] = momentum * va[k] + lr * d;
                        pa[k] -= nesterov ? momentum * va[k] + lr * d : va[k];
                    } else {
                        va[k] = momentum * va[k] + d;
                        pa[k] -= lr * (nesterov ? d + momentum * va[k] : va[k]);
                    }
                }
            }
        }
    }
}
