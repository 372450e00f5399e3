package org.mlopt.plan;

import java.util.List;

/**
 * Parameter counts and FLOP estimates, rough by design: they rank plans and warn about long ones,
 * they do not predict seconds.
 *
 * <ul>
 *   <li><b>Dense network</b> with input width {@code in0} and dense widths {@code w1..wL}:
 *       parameters {@code sum(in*out + out)}; forward {@code sum(2*in*out)} FLOPs per sample
 *       (multiply-adds of the weight products; activations, biases and the loss are ignored);
 *       training one sample costs about 3 forwards (forward, gradient of the inputs, gradient of
 *       the weights), so training = {@code 3 * forward * rows * epochs}. Dropout layers are free.</li>
 *   <li><b>Linear models</b> with {@code d} features, {@code k} outputs (1 for regression and
 *       binary classification, else the class count) and {@code n} rows: parameters {@code d*k}
 *       (+ {@code k} intercepts). Closed form (normal equations / Cholesky):
 *       {@code 2*n*d^2 + 2*n*d*k + d^3}. Gradient-descent solvers: {@code 3 * 2*n*d*k} per epoch.
 *       Coordinate descent (lasso, elastic net): {@code 4*n*d} per sweep, charged for
 *       {@code max_iter} sweeps. L-BFGS / liblinear / saga (logistic regression):
 *       {@code 3 * 2*n*d*k} per iteration, charged for {@code max_iter} iterations. Iterative
 *       solvers usually stop earlier on tolerance, so their figures are upper bounds.</li>
 *   <li><b>Prediction</b>: one forward pass per row ({@code 2*n*d*k} for linear models).</li>
 *   <li><b>Preprocessing</b>: fitting reads every value about 3 times ({@code 3*n*d}), applying twice.</li>
 * </ul>
 *
 * {@link #FLOPS_PER_SECOND} turns FLOPs into a {@link TimeClass}.
 */
public final class CostModel {

    /**
     * Sustained rate assumed for time classes: EJML's dense products on one core of the
     * reference machine run at 5.4–6.7 GFLOP/s (shared/design/toolchain-notes.md).
     */
    public static final double FLOPS_PER_SECOND = 5e9;

    private CostModel() {}

    /** {@code sum over dense layers of in*out + out}; -1 when the input width is unknown. */
    public static long networkParameters(int inputs, List<Integer> layers) {
        if (inputs < 0 || layers.isEmpty()) return -1;
        long total = 0;
        int in = inputs;
        for (int out : layers) {
            total += (long) in * out + out;
            in = out;
        }
        return total;
    }

    /** Forward FLOPs for one sample: {@code sum of 2*in*out}; -1 when unknown. */
    public static double networkForward(int inputs, List<Integer> layers) {
        if (inputs < 0 || layers.isEmpty()) return -1;
        double total = 0;
        int in = inputs;
        for (int out : layers) {
            total += 2.0 * in * out;
            in = out;
        }
        return total;
    }

    /** Training FLOPs: {@code 3 * forward * rows * epochs}. */
    public static double networkTraining(int inputs, List<Integer> layers, int rows, double epochs) {
        double forward = networkForward(inputs, layers);
        if (forward < 0 || rows < 0) return -1;
        return 3 * forward * rows * epochs;
    }

    /** Output columns of a linear model: 1 for regression and binary targets, else the class count. */
    public static int linearOutputs(boolean regression, int classes) {
        return regression || classes <= 2 ? 1 : classes;
    }

    public static long linearParameters(int features, int outputs, boolean intercept) {
        if (features < 0 || outputs < 0) return -1;
        return (long) features * outputs + (intercept ? outputs : 0);
    }

    /** How a linear model is fitted, which decides its cost formula. */
    public enum LinearSolver { CLOSED_FORM, GRADIENT_DESCENT, COORDINATE_DESCENT, QUASI_NEWTON }

    /**
     * Fitting FLOPs of a linear model.
     *
     * @param iterations epochs for gradient descent, {@code max_iter} for the iterative solvers; ignored for closed form
     */
    public static double linearFit(LinearSolver solver, int rows, int features, int outputs, double iterations) {
        if (rows < 0 || features < 0 || outputs < 0) return -1;
        double n = rows, d = features, k = outputs;
        return switch (solver) {
            case CLOSED_FORM -> 2 * n * d * d + 2 * n * d * k + d * d * d;
            case GRADIENT_DESCENT, QUASI_NEWTON -> 3 * 2 * n * d * k * iterations;
            case COORDINATE_DESCENT -> 4 * n * d * k * iterations;
        };
    }

    /** Prediction FLOPs for {@code rows} rows given the per-sample forward cost. */
    public static double predict(double forwardPerSample, int rows) {
        if (forwardPerSample < 0 || rows < 0) return -1;
        return forwardPerSample * rows;
    }

    public static double preprocessFit(Shape shape) {
        return shape.known() ? 3.0 * shape.rows() * shape.features() : -1;
    }

    public static double preprocessApply(Shape shape) {
        return shape.known() ? 2.0 * shape.rows() * shape.features() : -1;
    }

    /** Sum of estimates where unknown (-1) parts are skipped. */
    public static double sum(double a, double b) {
        return Math.max(a, 0) + Math.max(b, 0);
    }
}
