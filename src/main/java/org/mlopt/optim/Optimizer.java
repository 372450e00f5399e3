package org.mlopt.optim;

import java.util.ArrayList;
import java.util.List;
import org.mlopt.autodiff.Tensor;

/**
 * A gradient-based optimizer in the optax shape: {@link #init} makes a state holding every buffer
 * the method needs, {@link #update} applies one step to the parameters in place, reading the
 * gradients and the state's current learning rate. Nothing is allocated by {@code update}.
 * Constructors reject invalid hyperparameters with PyTorch's messages.
 */
public abstract class Optimizer {

    private final double learningRate;

    protected Optimizer(double learningRate) {
        checkLearningRate(learningRate);
        this.learningRate = learningRate;
    }

    public abstract String name();

    /** The initial learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** A fresh state for these parameters. */
    public abstract OptimizerState init(List<Tensor> params);

    /** One step: params ← params − update(grads, state). */
    public final void update(List<Tensor> grads, OptimizerState state, List<Tensor> params) {
        if (grads.size() != params.size()) {
            throw new IllegalArgumentException(grads.size() + " gradients for " + params.size() + " parameters");
        }
        state.advance();
        apply(grads, state, params);
    }

    protected abstract void apply(List<Tensor> grads, OptimizerState state, List<Tensor> params);

    static void checkLearningRate(double lr) {
        if (!(lr >= 0.0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("Invalid learning rate: " + lr);
        }
    }

    static void checkNonNegative(String what, double v) {
        if (!(v >= 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("Invalid " + what + " value: " + v);
        }
    }

    static void checkEpsilon(double eps) {
        if (!(eps >= 0.0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("Invalid epsilon value: " + eps);
        }
    }

    static void checkBeta(int index, double beta) {
        if (!(beta >= 0.0 && beta < 1.0)) {
            throw new IllegalArgumentException("Invalid beta parameter at index " + index + ": " + beta);
        }
    }

    /** Zero buffers shaped like the parameters. */
    static List<Tensor> zerosLike(List<Tensor> params) {
        List<Tensor> out = new ArrayList<>(params.size());
        for (Tensor p : params) {
            out.add(Tensor.zeros(p.precision(), p.rows(), p.cols()));
        }
        return out;
    }

    /** A buffer list filled with a constant. */
    static List<Tensor> filledLike(List<Tensor> params, double value) {
        List<Tensor> out = zerosLike(params);
        for (Tensor t : out) {
            t.fill(value);
        }
        return out;
    }
}
