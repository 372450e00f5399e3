package org.mlopt.schema;

import java.util.List;

import static org.mlopt.schema.Component.of;
import static org.mlopt.schema.Param.of;

/**
 * The settings a statement's block accepts ({@link Kind#STATEMENT}, named by the statement's
 * keyword) and the nested option groups ({@link Kind#OPTION_GROUP}) those settings refer to.
 */
final class StatementCatalog {

    private StatementCatalog() {}

    static List<Component> all() {
        return List.of(split(), network(), train(), search(), prune(), distill(), report(),
                earlyStop(), finetune(), medianStop());
    }

    /** A declared name of this declaration kind, or a component of the matching kind (call or bare name). */
    private static Type declaredOr(String declarationKind, Kind kind) {
        return Type.anyOf(Type.ref(declarationKind), Type.component(kind));
    }

    private static Param seed(String doc) {
        return of("seed", Type.integer()).range(Range.nonNegative()).doc(doc);
    }

    private static Param batch(String doc) {
        return of("batch", Type.anyOf(Type.integer(), Type.choice("all"))).defaultValue(32).range(Range.atLeast(1)).doc(doc);
    }

    private static Param epochs(int value, String doc) {
        return of("epochs", Type.integer()).defaultValue(value).range(Range.atLeast(1)).doc(doc);
    }

    private static Component split() {
        return of(Kind.STATEMENT, "split",
                "Settings of `split D -> part: fraction, ... { }`; the default split shuffles with the seed like scikit-learn's train_test_split.")
                .param(of("stratify", Type.bool()).defaultValue(false).doc("Keep the class proportions in every part (classification targets only)."))
                .param(seed("Seed of the shuffle; when omitted, derived from the run's seed."))
                .param(of("shuffle", Type.bool()).defaultValue(true).doc("Shuffle the rows before cutting; false keeps file order."))
                .build();
    }

    private static Component network() {
        return of(Kind.STATEMENT, "network",
                "Keyed settings of `network N { ... }`; the bare calls in the block are its layers (dense, dropout) in order.")
                .param(of("init", Type.component(Kind.INITIALIZER)).defaultValue("torch_default").doc("How weights and biases start."))
                .param(of("input", Type.integer()).range(Range.atLeast(1))
                        .doc("Expected number of input features; when given, checked against the data."))
                .param(of("dtype", Type.choice("float32", "float64")).defaultValue("float32").doc("Floating-point precision of weights and arithmetic."))
                .param(of("like", Type.ref("network")).doc("Take the layers of this (earlier) network instead of listing them: a student as a copy of its teacher."))
                .param(of("width", Type.number()).defaultValue(1.0).range(Range.of(0, false, 1, true))
                        .doc("With like: each hidden layer keeps this share of its units (at least 1); the output layer keeps all."))
                .build();
    }

    private static Component train() {
        return of(Kind.STATEMENT, "train",
                "Settings of `train M on D { }`; loss and optimizer are required for networks, and scikit-style models take none of the network settings.")
                .param(of("loss", declaredOr("loss", Kind.LOSS)).doc("The loss minimised (networks and gd solvers)."))
                .param(of("optimizer", declaredOr("optimizer", Kind.OPTIMIZER)).doc("How the weights are updated."))
                .param(of("regularizer", declaredOr("regularizer", Kind.REGULARIZER)).doc("Penalty added to the mean batch loss."))
                .param(of("schedule", declaredOr("schedule", Kind.SCHEDULE)).doc("Learning-rate schedule, stepped once per epoch."))
                .param(batch("Samples per gradient step; all is full-batch gradient descent. Not together with mode."))
                .param(of("mode", Type.choice("batch", "minibatch", "stochastic"))
                        .doc("batch is batch: all, stochastic is batch: 1, minibatch uses the default batch size; not together with batch."))
                .param(epochs(100, "Passes over the training data."))
                .param(of("shuffle", Type.bool()).defaultValue(true).doc("Reshuffle the rows every epoch."))
                .param(seed("Seed of the initial weights and the shuffles; when omitted, derived from the run's seed."))
                .param(of("validate", Type.anyOf(Type.number(), Type.ref("split"))).range(Range.unitOpen())
                        .doc("Validation data: a fraction of the training rows held out, or a split part name (never a test part)."))
                .param(of("early_stop", Type.group("early_stop")).doc("Stop when the validation metric stops improving."))
                .param(of("clip_norm", Type.number()).range(Range.positive()).doc("Rescale the gradient when its global L2 norm exceeds this."))
                .build();
    }

    private static Component search() {
        return of(Kind.STATEMENT, "search",
                "Settings of `search M on D { space { ... } ... }`: the space block (required) maps parameter paths to value lists or space primitives; afterwards M is the refitted best model.")
                .param(of("strategy", Type.component(Kind.SEARCH_STRATEGY)).defaultValue("grid").doc("How candidates are chosen from the space."))
                .param(of("cv", Type.anyOf(Type.integer(), Type.component(Kind.CV))).defaultValue(5).range(Range.atLeast(2))
                        .doc("A fold count (stratified for classification, kfold for regression, as scikit-learn's cv=k) or a scheme."))
                .param(of("scoring", Type.anyOf(Type.component(Kind.METRIC), Type.listOf(Type.component(Kind.METRIC))))
                        .doc("Metric that ranks candidates; when omitted, accuracy for classification and r2 for regression. "
                                + "A list of two or more metrics ([f1(average: macro), params]) makes a multi-objective search: "
                                + "it reports the Pareto front, and refits the front's best on the first metric."))
                .param(of("direction", Type.anyOf(Type.choice("maximize", "minimize"), Type.listOf(Type.choice("maximize", "minimize"))))
                        .doc("Whether a higher score is better, or a list with one direction per scoring metric; when omitted, "
                                + "inferred from scoring (errors, losses and params minimise)."))
                .param(of("metrics", Type.listOf(Type.component(Kind.METRIC))).doc("Further metrics recorded per candidate and fold."))
                .param(of("parallel", Type.integer()).defaultValue(1).range(Range.atLeast(1))
                        .doc("Fits run at once; results do not depend on it."))
                .param(seed("Seed of the sampling and of every fit; when omitted, derived from the run's seed."))
                .param(of("refit", Type.bool()).defaultValue(true).doc("Refit the best candidate on all of D."))
                .param(of("median_stop", Type.group("median_stop")).doc("Stop trials whose intermediate scores fall below the median."))
                .build();
    }

    private static Component prune() {
        return of(Kind.STATEMENT, "prune",
                "Settings of `prune M [on D] { }`: M must be a network; masks keep pruned weights at zero through fine-tuning.")
                .param(of("method", Type.component(Kind.PRUNE_METHOD)).required().doc("What is removed."))
                .param(of("schedule", Type.component(Kind.PRUNE_SCHEDULE)).defaultValue("one_shot").doc("How fast sparsity is reached."))
                .param(of("finetune", Type.group("finetune")).doc("Training after pruning; needs `on D`."))
                .param(of("rewind", Type.bool()).defaultValue(false)
                        .doc("Lottery ticket: reset the surviving weights to their initial values before fine-tuning."))
                .build();
    }

    private static Component distill() {
        return of(Kind.STATEMENT, "distill",
                "Settings of `distill T -> S on D { }`: trains network S on (1 − alpha)·CE(y, s) + alpha·T²·KL(softmax(t/T) ‖ softmax(s/T)), with T the temperature.")
                .param(of("temperature", Type.number()).defaultValue(2.0).range(Range.positive()).doc("Softening temperature T of both softmaxes."))
                .param(of("alpha", Type.number()).defaultValue(0.5).range(Range.closed(0, 1)).doc("Weight of the soft-target term."))
                .param(epochs(100, "Passes over the training data."))
                .param(of("optimizer", declaredOr("optimizer", Kind.OPTIMIZER)).required().doc("How the student's weights are updated."))
                .param(batch("Samples per gradient step."))
                .param(of("transfer", Type.ref("split")).doc("Extra rows used for the soft-target term only (their labels are ignored)."))
                .param(of("baseline", Type.bool()).defaultValue(false).doc("Also train a copy of S on the labels alone, for comparison."))
                .param(seed("Seed of the student's initial weights and shuffles; when omitted, derived from the run's seed."))
                .param(of("seeds", Type.number()).defaultValue(1).range(Range.atLeast(1))
                        .doc("How many students to distil, a whole number: seeds s, s + 1, ..., s + seeds − 1 from the seed s, each with its own initial weights and shuffles (and its own baseline); evaluating S reports every seed and their mean and standard deviation, and the script continues with the first seed's student."))
                .build();
    }

    private static Component report() {
        return of(Kind.STATEMENT, "report", "Settings of `report { }`: writes the run's results as one HTML page.")
                .param(of("file", Type.string()).defaultValue("report.html").doc("Where to write the report, relative to the run folder."))
                .build();
    }

    private static Component earlyStop() {
        return of(Kind.OPTION_GROUP, "early_stop", "Early stopping on the validation data of `validate:` (never a test part), or on the training loss.")
                .param(of("metric", TrainingCatalog.monitoredValue()).defaultValue("val_loss").doc(TrainingCatalog.MONITORED_DOC))
                .param(of("patience", Type.integer()).defaultValue(5).range(Range.nonNegative()).doc("Epochs in a row without improvement before stopping; 0 stops at the first epoch that does not improve."))
                .param(of("min_delta", Type.number()).defaultValue(0.0).range(Range.nonNegative()).doc("An epoch improves when it beats the best value so far by more than this, in the watched direction."))
                .param(of("restore_best", Type.bool()).defaultValue(true).doc("At the end, put back the weights of the best epoch (the first to reach the best value), not the last."))
                .param(of("mode", Type.choice("auto", "min", "max")).defaultValue("auto")
                        .doc("Whether lower (min) or higher (max) is better; auto infers it from the metric: losses and errors"
                                + " (val_loss, loss, log_loss, mse, rmse, mae) minimise, accuracy, precision, recall, f1, roc_auc and r2 maximise."))
                .build();
    }

    private static Component finetune() {
        return of(Kind.OPTION_GROUP, "finetune",
                "Training after pruning, with the masks kept; settings not given are taken from the network's train statement.")
                .param(epochs(5, "Passes over the training data."))
                .param(of("optimizer", declaredOr("optimizer", Kind.OPTIMIZER)).doc("A fresh optimizer; when omitted, as the network's training."))
                .param(of("batch", Type.anyOf(Type.integer(), Type.choice("all"))).range(Range.atLeast(1))
                        .doc("Samples per gradient step; when omitted, as the network's training."))
                .param(of("loss", declaredOr("loss", Kind.LOSS)).doc("The loss; when omitted, as the network's training."))
                .param(of("early_stop", Type.group("early_stop")).doc("Stop fine-tuning when validation stops improving."))
                .param(of("validate", Type.anyOf(Type.number(), Type.ref("split"))).range(Range.unitOpen())
                        .doc("Validation data for early_stop: a fraction of the fine-tuning rows held out, or a split part (never a test part)."))
                .build();
    }

    private static Component medianStop() {
        return of(Kind.OPTION_GROUP, "median_stop",
                "Stops a trial after an epoch when its validation score is worse than the median of earlier trials at that epoch.")
                .param(of("warmup", Type.integer()).defaultValue(5).range(Range.nonNegative()).doc("Epochs a trial always runs."))
                .param(of("min_trials", Type.integer()).defaultValue(5).range(Range.atLeast(1))
                        .doc("Completed trials needed before any trial is stopped."))
                .build();
    }
}
