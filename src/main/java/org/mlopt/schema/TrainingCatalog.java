package org.mlopt.schema;

import java.util.ArrayList;
import java.util.List;

import static org.mlopt.schema.Component.of;
import static org.mlopt.schema.Param.of;

/** Losses, regularizers, optimizers, learning-rate schedules and metrics. */
final class TrainingCatalog {

    private TrainingCatalog() {}

    /** The metrics that give one number, so training can watch them on its validation data. */
    static final List<String> SCALAR_METRICS = List.of("accuracy", "precision", "recall", "f1", "roc_auc", "log_loss",
            "mse", "rmse", "mae", "r2");

    /**
     * A value training watches ({@code early_stop}'s and {@code plateau}'s {@code metric}):
     * {@code val_loss}, {@code loss} (the training loss), {@code val_NAME} for a metric NAME giving one
     * number, with its defaults, or a metric, bare or called, meaning it on the validation data.
     */
    static Type monitoredValue() {
        List<String> words = new ArrayList<>(List.of("val_loss", "loss"));
        for (String m : SCALAR_METRICS) words.add("val_" + m);
        return Type.anyOf(Type.choice(words.toArray(new String[0])), Type.component(Kind.METRIC));
    }

    /** The documentation of a watched value, shared by early_stop and plateau. */
    static final String MONITORED_DOC = "Watched value: val_loss; loss (the training loss); val_NAME, metric NAME with its defaults on the"
            + " validation data (val_accuracy, val_f1, val_roc_auc, val_r2, ...: any metric giving one number); or a metric as in evaluate,"
            + " bare or called, on the validation data (accuracy, f1(average: macro)). It must fit the target's task. A validation metric"
            + " is computed once per epoch and recorded in the history as val_NAME, followed by the values of the arguments that differ"
            + " from their defaults (f1(average: macro) is val_f1_macro).";

    static List<Component> all() {
        return List.of(
                mse(), mae(), huber(), binaryCrossEntropy(), crossEntropy(),
                l1(), l2(), elasticNet(),
                sgd(), momentum(), nesterov(), rmsprop(), adam(), adamw(), adagrad(), lbfgs(),
                step(), exponential(), cosine(), warmup(), plateau(),
                classification("accuracy", "Share of correctly predicted samples; higher is better."),
                averaged("precision", "Of the samples predicted positive, the share that are positive; higher is better."),
                averaged("recall", "Of the positive samples, the share predicted positive; higher is better."),
                averaged("f1", "Harmonic mean of precision and recall; higher is better."),
                classification("confusion_matrix", "Counts of (true class, predicted class) pairs, classes in sorted order; reported, not scored."),
                rocAuc(),
                classification("log_loss", "Mean negative log-likelihood of the true class under the predicted probabilities; lower is better."),
                regression("mse", "Mean squared error; lower is better."),
                regression("rmse", "Square root of the mean squared error; lower is better."),
                regression("mae", "Mean absolute error; lower is better."),
                regression("r2", "Coefficient of determination 1 − SSres/SStot, as scikit-learn's r2_score; higher is better."),
                of(Kind.METRIC, "params", "Non-zero parameters of the model (weights, biases, coefficients, intercepts): what pruning "
                        + "removes and a smaller student saves; lower is better. A property of the model, the same on any data.").build());
    }

    // Losses: averaged over the batch; the classification losses take logits.

    private static Component mse() {
        return of(Kind.LOSS, "mse", "Mean squared error, mean over samples and outputs of (prediction − y)².")
                .tasks(Task.REGRESSION).build();
    }

    private static Component mae() {
        return of(Kind.LOSS, "mae", "Mean absolute error, mean over samples and outputs of |prediction − y|.")
                .tasks(Task.REGRESSION).build();
    }

    private static Component huber() {
        return of(Kind.LOSS, "huber",
                "Huber loss as PyTorch's HuberLoss: ½d² for |d| < delta, delta·(|d| − ½delta) beyond, averaged.")
                .param(of("delta", Type.number()).defaultValue(1.0).range(Range.positive()).positional()
                        .doc("Where the loss turns from quadratic to linear."))
                .tasks(Task.REGRESSION).build();
    }

    private static Param labelSmoothing(String doc) {
        return of("label_smoothing", Type.number()).defaultValue(0.0).range(Range.unitOpenRight()).doc(doc);
    }

    private static Component binaryCrossEntropy() {
        return of(Kind.LOSS, "binary_cross_entropy",
                "Binary cross-entropy on one logit per sample (sigmoid inside), as PyTorch's BCEWithLogitsLoss; the network has 1 output.")
                .param(labelSmoothing("Targets become y·(1 − s) + s/2."))
                .tasks(Task.BINARY).build();
    }

    private static Component crossEntropy() {
        return of(Kind.LOSS, "cross_entropy",
                "Softmax cross-entropy on one logit per class, averaged over the batch, as PyTorch's CrossEntropyLoss.")
                .param(labelSmoothing("Targets become (1 − s)·one_hot(y) + s/classes, as PyTorch's label_smoothing."))
                .tasks(Task.BINARY, Task.MULTICLASS).build();
    }

    // Regularizers for networks and gd-trained models.

    private static Param lambda() {
        return of("lambda", Type.number()).required().positional().range(Range.nonNegative()).doc("Strength of the penalty.");
    }

    private static Component l1() {
        return of(Kind.REGULARIZER, "l1",
                "Adds lambda·Σ|w| to the mean batch loss (weights only, not biases).")
                .param(lambda()).build();
    }

    private static Component l2() {
        return of(Kind.REGULARIZER, "l2",
                "Adds lambda·Σw² to the mean batch loss (weights only, not biases).")
                .param(lambda()).build();
    }

    private static Component elasticNet() {
        return of(Kind.REGULARIZER, "elastic_net",
                "Adds lambda·(l1_ratio·Σ|w| + (1 − l1_ratio)·Σw²) to the mean batch loss (weights only, not biases).")
                .param(lambda())
                .param(of("l1_ratio", Type.number()).defaultValue(0.5).range(Range.closed(0, 1)).doc("Share of the L1 term."))
                .build();
    }

    // Optimizers, with PyTorch's update rules and defaults.

    private static Param lr(double value) {
        return of("lr", Type.number()).defaultValue(value).range(Range.positive()).positional().doc("Learning rate.");
    }

    private static Param weightDecay(double value, String doc) {
        return of("weight_decay", Type.number()).defaultValue(value).range(Range.nonNegative()).doc(doc);
    }

    private static Param gamma() {
        return of("gamma", Type.number()).defaultValue(0.9).range(Range.unitOpenRight()).doc("Momentum coefficient.");
    }

    private static Param eps(double value) {
        return of("eps", Type.number()).defaultValue(value).range(Range.positive()).doc("Added to the denominator for stability.");
    }

    private static Param beta(String name, double value, String doc) {
        return of(name, Type.number()).defaultValue(value).range(Range.unitOpenRight()).doc(doc);
    }

    private static Component sgd() {
        return of(Kind.OPTIMIZER, "sgd", "Plain gradient descent: w -= lr·g.")
                .param(lr(0.01))
                .param(weightDecay(0.0, "L2 penalty added to the gradient: g += weight_decay·w (as PyTorch's SGD)."))
                .build();
    }

    private static Component momentum() {
        return of(Kind.OPTIMIZER, "momentum", "Heavy-ball momentum as PyTorch's SGD(momentum): v = gamma·v + g; w -= lr·v.")
                .param(lr(0.01)).param(gamma()).build();
    }

    private static Component nesterov() {
        return of(Kind.OPTIMIZER, "nesterov",
                "Nesterov momentum as PyTorch's SGD(nesterov=True): v = gamma·v + g; w -= lr·(g + gamma·v).")
                .param(lr(0.01)).param(gamma()).build();
    }

    private static Component rmsprop() {
        return of(Kind.OPTIMIZER, "rmsprop",
                "RMSProp as PyTorch's: s = rho·s + (1 − rho)·g²; w -= lr·g / (sqrt(s) + eps).")
                .param(lr(0.01))
                .param(beta("rho", 0.99, "Decay of the running mean of squared gradients (PyTorch's alpha)."))
                .param(eps(1e-8))
                .build();
    }

    private static Component adam() {
        return of(Kind.OPTIMIZER, "adam", "Adam with bias-corrected first and second moment estimates, as PyTorch's Adam.")
                .param(lr(1e-3))
                .param(beta("beta1", 0.9, "Decay of the first moment."))
                .param(beta("beta2", 0.999, "Decay of the second moment."))
                .param(eps(1e-8))
                .param(weightDecay(0.0, "L2 penalty added to the gradient: g += weight_decay·w (as PyTorch's Adam, not AdamW)."))
                .build();
    }

    private static Component adamw() {
        return of(Kind.OPTIMIZER, "adamw", "Adam with decoupled weight decay, as PyTorch's AdamW: w -= lr·weight_decay·w each step.")
                .param(lr(1e-3))
                .param(beta("beta1", 0.9, "Decay of the first moment."))
                .param(beta("beta2", 0.999, "Decay of the second moment."))
                .param(eps(1e-8))
                .param(weightDecay(0.01, "Decoupled decay rate, applied to the weights directly."))
                .build();
    }

    private static Component adagrad() {
        return of(Kind.OPTIMIZER, "adagrad", "Adagrad as PyTorch's: s += g²; w -= lr·g / (sqrt(s) + eps).")
                .param(lr(0.01)).param(eps(1e-10)).build();
    }

    private static Component lbfgs() {
        return of(Kind.OPTIMIZER, "lbfgs", "Limited-memory BFGS on full batches, as PyTorch's LBFGS.")
                .param(lr(1.0))
                .param(of("max_iter", Type.integer()).defaultValue(20).range(Range.atLeast(1)).doc("Iterations per optimisation step."))
                .param(of("history", Type.integer()).defaultValue(100).range(Range.atLeast(1)).doc("Number of past updates kept."))
                .planned()
                .build();
    }

    // Learning-rate schedules, stepped once per epoch.

    private static Component step() {
        return of(Kind.SCHEDULE, "step", "Multiplies the learning rate by gamma every `every` epochs, as PyTorch's StepLR.")
                .param(of("every", Type.integer()).required().positional().range(Range.atLeast(1)).doc("Epochs between decays."))
                .param(of("gamma", Type.number()).defaultValue(0.1).range(Range.of(0, false, 1, true)).doc("Decay factor."))
                .build();
    }

    private static Component exponential() {
        return of(Kind.SCHEDULE, "exponential", "Multiplies the learning rate by gamma every epoch, as PyTorch's ExponentialLR.")
                .param(of("gamma", Type.number()).required().positional().range(Range.of(0, false, 1, true)).doc("Decay factor per epoch."))
                .build();
    }

    private static Component cosine() {
        return of(Kind.SCHEDULE, "cosine",
                "Cosine annealing from the initial learning rate to min_lr over `epochs` epochs, as PyTorch's CosineAnnealingLR.")
                .param(of("epochs", Type.integer()).positional().range(Range.atLeast(1))
                        .doc("Length of the half cosine (T_max); when omitted, the epochs of the training that uses it."))
                .param(of("min_lr", Type.number()).defaultValue(0.0).range(Range.nonNegative()).doc("Final learning rate."))
                .build();
    }

    private static Component warmup() {
        return of(Kind.SCHEDULE, "warmup",
                "Raises the learning rate linearly from start·lr to lr over `epochs` epochs, then keeps it.")
                .param(of("epochs", Type.integer()).required().positional().range(Range.atLeast(1)).doc("Length of the warm-up."))
                .param(of("start", Type.number()).defaultValue(0.0).range(Range.closed(0, 1)).doc("Starting fraction of the learning rate."))
                .build();
    }

    private static Component plateau() {
        return of(Kind.SCHEDULE, "plateau",
                "Multiplies the learning rate by factor when the metric has not improved for `patience` epochs, as PyTorch's ReduceLROnPlateau.")
                .param(of("patience", Type.integer()).defaultValue(10).range(Range.nonNegative()).doc("Epochs without improvement tolerated."))
                .param(of("factor", Type.number()).defaultValue(0.1).range(Range.unitOpen()).doc("Decay factor."))
                .param(of("metric", monitoredValue()).defaultValue("val_loss")
                        .doc(MONITORED_DOC + " With val_loss and no validation data, the training loss is watched."))
                .param(of("min_lr", Type.number()).defaultValue(0.0).range(Range.nonNegative()).doc("Lower bound of the learning rate."))
                .build();
    }

    // Metrics, computed as scikit-learn's functions of the same name.

    private static Component classification(String name, String doc) {
        return of(Kind.METRIC, name, doc).tasks(Task.BINARY, Task.MULTICLASS).build();
    }

    private static Component regression(String name, String doc) {
        return of(Kind.METRIC, name, doc).tasks(Task.REGRESSION).build();
    }

    private static Component averaged(String name, String doc) {
        return of(Kind.METRIC, name, doc)
                .param(of("average", Type.choice("binary", "macro", "micro", "weighted")).defaultValue("binary")
                        .doc("binary: the positive class only (binary targets); otherwise per-class scores averaged as scikit-learn."))
                .param(of("positive", Type.anyOf(Type.string(), Type.number()))
                        .doc("The positive class for average binary; when omitted, the last class in sorted order."))
                .tasks(Task.BINARY, Task.MULTICLASS).build();
    }

    private static Component rocAuc() {
        return of(Kind.METRIC, "roc_auc", "Area under the ROC curve of the predicted probabilities; higher is better.")
                .param(of("average", Type.choice("macro", "weighted")).defaultValue("macro").doc("How per-class areas are combined (multi-class)."))
                .param(of("multi_class", Type.choice("ovr", "ovo")).defaultValue("ovr").doc("One-vs-rest or one-vs-one areas (multi-class)."))
                .tasks(Task.BINARY, Task.MULTICLASS).build();
    }
}
