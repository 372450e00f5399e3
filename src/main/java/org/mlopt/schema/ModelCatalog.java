package org.mlopt.schema;

import java.util.List;

import static org.mlopt.schema.Component.of;
import static org.mlopt.schema.Param.of;

/** Models ({@code model NAME = ...}), network layers, activations and weight initializers. */
final class ModelCatalog {

    private ModelCatalog() {}

    static List<Component> all() {
        return List.of(
                linearRegression(), ridge(), lasso(), elasticNet(), logisticRegression(),
                dense(), dropout(), batchNorm(),
                activation("relu", "max(0, x)."),
                leakyRelu(),
                activation("tanh", "Hyperbolic tangent."),
                activation("sigmoid", "1 / (1 + exp(-x))."),
                activation("gelu", "x·Φ(x) with the exact Gaussian CDF Φ, as PyTorch's GELU()."),
                activation("none", "The identity: no activation (the default of dense; losses take logits)."),
                of(Kind.INITIALIZER, "he",
                        "He (Kaiming) uniform: weights U(-b, b) with b = sqrt(6 / fan_in); biases 0.").build(),
                of(Kind.INITIALIZER, "xavier",
                        "Glorot (Xavier) uniform: weights U(-b, b) with b = sqrt(6 / (fan_in + fan_out)); biases 0.").build(),
                of(Kind.INITIALIZER, "torch_default",
                        "As PyTorch's nn.Linear: weights and biases U(-b, b) with b = 1 / sqrt(fan_in).").build());
    }

    private static Param solver() {
        return of("solver", Type.choice("closed_form", "gd")).defaultValue("closed_form")
                .doc("closed_form solves the normal equations; gd trains by gradient descent with the train statement's optimizer, batch and epochs.");
    }

    private static Param fitIntercept() {
        return of("fit_intercept", Type.bool()).defaultValue(true).doc("Fit an unpenalised intercept (by centring X and y).");
    }

    private static Param maxIter(int value, String doc) {
        return of("max_iter", Type.integer()).defaultValue(value).range(Range.atLeast(1)).doc(doc);
    }

    private static Param tol() {
        return of("tol", Type.number()).defaultValue(1e-4).range(Range.positive()).doc("Stopping tolerance, as scikit-learn's tol.");
    }

    private static Component linearRegression() {
        return of(Kind.MODEL, "linear_regression",
                "Ordinary least squares: minimises ‖y − Xw − b‖², as scikit-learn's LinearRegression.")
                .param(solver())
                .param(fitIntercept())
                .tasks(Task.REGRESSION)
                .build();
    }

    private static Component ridge() {
        return of(Kind.MODEL, "ridge",
                "L2-penalised least squares, scaled as scikit-learn's Ridge: minimises ‖y − Xw − b‖² + alpha·‖w‖² (a sum over samples, no 1/n; the intercept is not penalised).")
                .param(of("alpha", Type.number()).defaultValue(1.0).range(Range.nonNegative()).positional()
                        .doc("Strength of the penalty alpha·‖w‖² (scikit-learn's alpha)."))
                .param(fitIntercept())
                .param(solver())
                .tasks(Task.REGRESSION)
                .build();
    }

    private static Component lasso() {
        return of(Kind.MODEL, "lasso",
                "L1-penalised least squares by coordinate descent, scaled as scikit-learn's Lasso: minimises (1/2n)·‖y − Xw − b‖² + alpha·‖w‖₁.")
                .param(of("alpha", Type.number()).defaultValue(1.0).range(Range.nonNegative()).positional()
                        .doc("Strength of the penalty alpha·‖w‖₁ (scikit-learn's alpha)."))
                .param(maxIter(1000, "Maximum number of coordinate-descent sweeps."))
                .param(tol())
                .tasks(Task.REGRESSION)
                .build();
    }

    private static Component elasticNet() {
        return of(Kind.MODEL, "elastic_net",
                "L1 and L2 penalised least squares, scaled as scikit-learn's ElasticNet: minimises (1/2n)·‖y − Xw − b‖² + alpha·l1_ratio·‖w‖₁ + ½·alpha·(1 − l1_ratio)·‖w‖².")
                .param(of("alpha", Type.number()).defaultValue(1.0).range(Range.nonNegative()).positional()
                        .doc("Overall strength of the penalty (scikit-learn's alpha)."))
                .param(of("l1_ratio", Type.number()).defaultValue(0.5).range(Range.closed(0, 1))
                        .doc("Share of the L1 term: 1 is the lasso, 0 a ridge penalty."))
                .param(maxIter(1000, "Maximum number of coordinate-descent sweeps."))
                .param(tol())
                .tasks(Task.REGRESSION)
                .build();
    }

    private static Component logisticRegression() {
        return of(Kind.MODEL, "logistic_regression",
                "Logistic regression with C scaled as scikit-learn/liblinear: minimises penalty(w) + C·Σᵢ logloss(i), a sum over samples (l2: ½‖w‖², l1: ‖w‖₁); liblinear also penalises the intercept (intercept_scaling 1).")
                .param(of("C", Type.number()).defaultValue(1.0).range(Range.positive()).positional()
                        .doc("Inverse regularisation strength: larger C, weaker penalty."))
                .param(of("penalty", Type.choice("l1", "l2", "elastic_net", "none")).defaultValue("l2")
                        .doc("Penalty on the weights; elastic_net needs l1_ratio and the saga solver."))
                .param(of("l1_ratio", Type.number()).range(Range.closed(0, 1))
                        .doc("Share of the L1 term; required with penalty elastic_net and allowed only there."))
                .param(of("solver", Type.choice("auto", "liblinear", "lbfgs", "saga")).defaultValue("auto")
                        .doc("auto: liblinear for a binary target with l1/l2, saga for elastic_net, lbfgs otherwise."))
                .param(of("multi_class", Type.choice("auto", "ovr", "multinomial")).defaultValue("auto")
                        .doc("auto: ovr with liblinear or a binary target, multinomial otherwise (as scikit-learn 1.2)."))
                .param(maxIter(100, "Maximum number of solver iterations."))
                .param(tol())
                .param(of("fit_intercept", Type.bool()).defaultValue(true).doc("Fit an intercept."))
                .tasks(Task.BINARY, Task.MULTICLASS)
                .build();
    }

    private static Component dense() {
        return of(Kind.LAYER, "dense",
                "A fully connected layer y = activation(xWᵀ + b); the last dense layer of a network is its output (logits).")
                .param(of("units", Type.integer()).required().positional().range(Range.atLeast(1))
                        .doc("Number of output units."))
                .param(of("activation", Type.component(Kind.ACTIVATION)).defaultValue("none").positional()
                        .doc("Activation applied to the output, a bare name or a call: relu, leaky_relu(slope: 0.1)."))
                .param(of("bias", Type.bool()).defaultValue(true).doc("Add a learned bias."))
                .build();
    }

    private static Component dropout() {
        return of(Kind.LAYER, "dropout",
                "Inverted dropout: while training, zeroes each input with probability rate and scales the rest by 1/(1 − rate); the identity when predicting.")
                .param(of("rate", Type.number()).defaultValue(0.5).positional().range(Range.unitOpenRight())
                        .doc("Probability of dropping an input."))
                .build();
    }

    private static Component batchNorm() {
        return of(Kind.LAYER, "batch_norm",
                "Batch normalisation of the previous layer's outputs, as PyTorch's BatchNorm1d.")
                .param(of("momentum", Type.number()).defaultValue(0.1).range(Range.closed(0, 1))
                        .doc("Weight of the current batch in the running mean and variance."))
                .param(of("eps", Type.number()).defaultValue(1e-5).range(Range.positive())
                        .doc("Added to the variance for stability."))
                .planned()
                .build();
    }

    private static Component activation(String name, String doc) {
        return of(Kind.ACTIVATION, name, doc).build();
    }

    private static Component leakyRelu() {
        return of(Kind.ACTIVATION, "leaky_relu", "x for x > 0, slope·x otherwise.")
                .param(of("slope", Type.number()).defaultValue(0.01).positional().range(Range.nonNegative())
                        .doc("Slope for negative inputs (PyTorch's negative_slope)."))
                .build();
    }
}
