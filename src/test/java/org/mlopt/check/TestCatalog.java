package org.mlopt.check;

import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Param;
import org.mlopt.schema.Range;
import org.mlopt.schema.Registry;
import org.mlopt.schema.Task;
import org.mlopt.schema.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * A registry for the checker's tests, written from the language spec
 * (/work/notes/language-spec.md) so the tests do not depend on which components the shipped
 * catalog lists at any moment. Statement blocks and option groups are STATEMENT and
 * OPTION_GROUP components named after their keyword.
 */
final class TestCatalog {

    private TestCatalog() {}

    private static final Task[] CLASSIFICATION = {Task.BINARY, Task.MULTICLASS};

    static final Registry REGISTRY = new Registry(components());

    private static Param num(String name, double def, Range range) {
        return Param.of(name, Type.number()).defaultValue(def).range(range).doc(name);
    }

    private static Param integer(String name, double def, Range range) {
        return Param.of(name, Type.integer()).defaultValue(def).range(range).doc(name);
    }

    private static Param flag(String name, boolean def) {
        return Param.of(name, Type.bool()).defaultValue(def).doc(name);
    }

    private static Param choice(String name, String def, String... values) {
        return Param.of(name, Type.choice(values)).defaultValue(def).doc(name);
    }

    private static Param opt(String name, Type type) {
        return Param.of(name, type).doc(name);
    }

    private static Param seed() {
        return integer("seed", 0, Range.nonNegative());
    }

    private static Param lr(double def) {
        return Param.of("lr", Type.number()).defaultValue(def).range(Range.positive()).positional().doc("learning rate");
    }

    /** What training watches: val_loss, loss, val_METRIC for a metric giving one number, or a metric (bare or called). */
    private static Type monitored() {
        return Type.anyOf(Type.choice("val_loss", "loss", "val_accuracy", "val_precision", "val_recall", "val_f1", "val_roc_auc",
                "val_log_loss", "val_mse", "val_rmse", "val_mae", "val_r2"), Type.component(Kind.METRIC));
    }

    static List<Component> components() {
        List<Component> out = new ArrayList<>();
        // Data sources
        out.add(Component.of(Kind.DATA_SOURCE, "csv", "CSV file")
                .param(Param.of("path", Type.string()).required().positional().doc("file"))
                .param(opt("target", Type.string()))
                .param(choice("task", "auto", "auto", "classification", "regression")).build());
        out.add(Component.of(Kind.DATA_SOURCE, "synthetic_regression", "")
                .param(integer("samples", 1000, Range.atLeast(1))).param(integer("features", 20, Range.atLeast(1)))
                .param(num("noise", 0.1, Range.nonNegative())).param(integer("informative", 10, Range.atLeast(1))).param(seed()).build());
        out.add(Component.of(Kind.DATA_SOURCE, "synthetic_classification", "")
                .param(integer("samples", 1000, Range.atLeast(1))).param(integer("features", 20, Range.atLeast(1)))
                .param(integer("classes", 2, Range.atLeast(2))).param(integer("informative", 2, Range.atLeast(1))).param(seed()).build());
        out.add(Component.of(Kind.DATA_SOURCE, "blobs", "")
                .param(integer("samples", 100, Range.atLeast(1))).param(integer("features", 2, Range.atLeast(1)))
                .param(integer("centers", 3, Range.atLeast(2))).param(num("spread", 1.0, Range.positive())).param(seed()).build());
        out.add(Component.of(Kind.DATA_SOURCE, "moons", "")
                .param(integer("samples", 100, Range.atLeast(1))).param(num("noise", 0.1, Range.nonNegative())).param(seed()).build());
        // Preprocessing
        out.add(Component.of(Kind.PREPROCESSOR, "standardize", "").build());
        out.add(Component.of(Kind.PREPROCESSOR, "min_max", "").param(num("low", 0, null)).param(num("high", 1, null)).build());
        out.add(Component.of(Kind.PREPROCESSOR, "scale", "").param(num("by", 1, Range.positive())).build());
        out.add(Component.of(Kind.PREPROCESSOR, "one_hot", "").param(opt("columns", Type.listOf(Type.string()))).build());
        out.add(Component.of(Kind.PREPROCESSOR, "impute", "")
                .param(choice("strategy", "mean", "mean", "median", "most_frequent", "constant")).param(opt("value", Type.number())).build());
        // Models
        out.add(Component.of(Kind.MODEL, "linear_regression", "").tasks(Task.REGRESSION)
                .param(choice("solver", "closed_form", "closed_form", "gd")).param(flag("fit_intercept", true)).build());
        out.add(Component.of(Kind.MODEL, "ridge", "").tasks(Task.REGRESSION)
                .param(Param.of("alpha", Type.number()).defaultValue(1.0).range(Range.nonNegative()).positional().doc("alpha"))
                .param(flag("fit_intercept", true)).param(choice("solver", "closed_form", "closed_form", "gd")).build());
        out.add(Component.of(Kind.MODEL, "lasso", "").tasks(Task.REGRESSION)
                .param(num("alpha", 1.0, Range.nonNegative())).param(integer("max_iter", 1000, Range.atLeast(1)))
                .param(num("tol", 1e-4, Range.positive())).build());
        out.add(Component.of(Kind.MODEL, "elastic_net", "").tasks(Task.REGRESSION)
                .param(num("alpha", 1.0, Range.nonNegative())).param(num("l1_ratio", 0.5, Range.closed(0, 1)))
                .param(integer("max_iter", 1000, Range.atLeast(1))).param(num("tol", 1e-4, Range.positive())).build());
        out.add(Component.of(Kind.MODEL, "logistic_regression", "").tasks(CLASSIFICATION)
                .param(num("C", 1.0, Range.positive()))
                .param(choice("penalty", "l2", "l1", "l2", "elastic_net", "none"))
                .param(Param.of("l1_ratio", Type.number()).range(Range.closed(0, 1)).doc("l1 share"))
                .param(choice("solver", "auto", "auto", "liblinear", "lbfgs", "saga"))
                .param(choice("multi_class", "auto", "auto", "ovr", "multinomial"))
                .param(integer("max_iter", 100, Range.atLeast(1))).param(num("tol", 1e-4, Range.positive()))
                .param(flag("fit_intercept", true)).build());
        // Layers and activations
        out.add(Component.of(Kind.LAYER, "dense", "")
                .param(Param.of("units", Type.integer()).range(Range.atLeast(1)).required().positional().doc("width"))
                .param(Param.of("activation", Type.component(Kind.ACTIVATION)).defaultValue("none").positional().doc("activation"))
                .param(flag("bias", true)).build());
        out.add(Component.of(Kind.LAYER, "dropout", "")
                .param(Param.of("rate", Type.number()).range(Range.unitOpenRight()).required().positional().doc("rate")).build());
        out.add(Component.of(Kind.LAYER, "batch_norm", "").planned().build());
        for (String a : List.of("relu", "tanh", "sigmoid", "gelu", "none")) out.add(Component.of(Kind.ACTIVATION, a, "").build());
        out.add(Component.of(Kind.ACTIVATION, "leaky_relu", "").param(num("slope", 0.01, Range.nonNegative())).build());
        // Losses
        out.add(Component.of(Kind.LOSS, "mse", "").tasks(Task.REGRESSION).build());
        out.add(Component.of(Kind.LOSS, "mae", "").tasks(Task.REGRESSION).build());
        out.add(Component.of(Kind.LOSS, "huber", "").tasks(Task.REGRESSION).param(num("delta", 1.0, Range.positive())).build());
        out.add(Component.of(Kind.LOSS, "binary_cross_entropy", "").tasks(Task.BINARY)
                .param(num("label_smoothing", 0, Range.unitOpenRight())).build());
        out.add(Component.of(Kind.LOSS, "cross_entropy", "").tasks(CLASSIFICATION)
                .param(num("label_smoothing", 0, Range.unitOpenRight())).build());
        // Optimizers
        out.add(Component.of(Kind.OPTIMIZER, "sgd", "").param(lr(0.01)).param(num("weight_decay", 0, Range.nonNegative())).build());
        out.add(Component.of(Kind.OPTIMIZER, "momentum", "").param(lr(0.01)).param(num("gamma", 0.9, Range.unitOpenRight())).build());
        out.add(Component.of(Kind.OPTIMIZER, "nesterov", "").param(lr(0.01)).param(num("gamma", 0.9, Range.unitOpenRight())).build());
        out.add(Component.of(Kind.OPTIMIZER, "rmsprop", "").param(lr(0.01)).param(num("rho", 0.99, Range.unitOpenRight()))
                .param(num("eps", 1e-8, Range.positive())).build());
        out.add(Component.of(Kind.OPTIMIZER, "adam", "").param(lr(1e-3)).param(num("beta1", 0.9, Range.unitOpenRight()))
                .param(num("beta2", 0.999, Range.unitOpenRight())).param(num("eps", 1e-8, Range.positive()))
                .param(num("weight_decay", 0, Range.nonNegative())).build());
        out.add(Component.of(Kind.OPTIMIZER, "adamw", "").param(lr(1e-3)).param(num("beta1", 0.9, Range.unitOpenRight()))
                .param(num("beta2", 0.999, Range.unitOpenRight())).param(num("eps", 1e-8, Range.positive()))
                .param(num("weight_decay", 0.01, Range.nonNegative())).build());
        out.add(Component.of(Kind.OPTIMIZER, "adagrad", "").param(lr(0.01)).param(num("eps", 1e-10, Range.positive())).build());
        // Regularizers
        for (String r : List.of("l1", "l2"))
            out.add(Component.of(Kind.REGULARIZER, r, "")
                    .param(Param.of("lambda", Type.number()).range(Range.nonNegative()).required().positional().doc("strength")).build());
        out.add(Component.of(Kind.REGULARIZER, "elastic_net", "")
                .param(Param.of("lambda", Type.number()).range(Range.nonNegative()).required().positional().doc("strength"))
                .param(num("l1_ratio", 0.5, Range.closed(0, 1))).build());
        // Schedules
        out.add(Component.of(Kind.SCHEDULE, "step", "")
                .param(Param.of("every", Type.integer()).range(Range.atLeast(1)).required().positional().doc("epochs"))
                .param(num("gamma", 0.1, Range.positive())).build());
        out.add(Component.of(Kind.SCHEDULE, "exponential", "").param(num("gamma", 0.95, Range.of(0, false, 1, true))).build());
        out.add(Component.of(Kind.SCHEDULE, "cosine", "").param(integer("epochs", 50, Range.atLeast(1)))
                .param(num("min_lr", 0, Range.nonNegative())).build());
        out.add(Component.of(Kind.SCHEDULE, "warmup", "").param(integer("epochs", 5, Range.atLeast(1)))
                .param(num("start", 0, Range.nonNegative())).build());
        out.add(Component.of(Kind.SCHEDULE, "plateau", "").param(integer("patience", 10, Range.atLeast(1)))
                .param(num("factor", 0.1, Range.unitOpen())).param(Param.of("metric", monitored()).defaultValue("val_loss").doc("metric"))
                .param(num("min_lr", 0, Range.nonNegative())).build());
        // Metrics
        for (String m : List.of("accuracy", "confusion_matrix", "log_loss"))
            out.add(Component.of(Kind.METRIC, m, "").tasks(CLASSIFICATION).build());
        for (String m : List.of("precision", "recall", "f1"))
            out.add(Component.of(Kind.METRIC, m, "").tasks(CLASSIFICATION)
                    .param(choice("average", "binary", "binary", "macro", "micro", "weighted")).param(opt("positive", Type.string())).build());
        out.add(Component.of(Kind.METRIC, "roc_auc", "").tasks(CLASSIFICATION)
                .param(choice("average", "macro", "macro", "weighted")).param(choice("multi_class", "ovr", "ovr", "ovo")).build());
        for (String m : List.of("mse", "rmse", "mae", "r2")) out.add(Component.of(Kind.METRIC, m, "").tasks(Task.REGRESSION).build());
        out.add(Component.of(Kind.METRIC, "params", "").build());
        // Search
        out.add(Component.of(Kind.SEARCH_STRATEGY, "grid", "").build());
        out.add(Component.of(Kind.SEARCH_STRATEGY, "random", "").param(integer("trials", 20, Range.atLeast(1))).param(seed()).build());
        out.add(Component.of(Kind.SEARCH_STRATEGY, "halving", "").param(num("factor", 3, Range.of(1, false, Double.POSITIVE_INFINITY, false)))
                .param(integer("min_resource", 1, Range.atLeast(1))).param(choice("resource", "epochs", "epochs", "samples")).build());
        out.add(Component.of(Kind.SEARCH_STRATEGY, "hyperband", "").planned().build());
        out.add(Component.of(Kind.SEARCH_STRATEGY, "tpe", "").param(integer("trials", 50, Range.atLeast(1)))
                .param(integer("startup", 10, Range.atLeast(0))).param(seed()).build());
        out.add(Component.of(Kind.SPACE, "choice", "values given positionally").build());
        out.add(Component.of(Kind.SPACE, "when", "conditions, then a sub-space").build());
        for (String s : List.of("uniform", "loguniform", "randint"))
            out.add(Component.of(Kind.SPACE, s, "")
                    .param(Param.of("low", Type.number()).required().positional().doc("low"))
                    .param(Param.of("high", Type.number()).required().positional().doc("high")).build());
        out.add(Component.of(Kind.SPACE, "quniform", "")
                .param(Param.of("low", Type.number()).required().positional().doc("low"))
                .param(Param.of("high", Type.number()).required().positional().doc("high"))
                .param(Param.of("q", Type.number()).range(Range.positive()).required().positional().doc("step")).build());
        out.add(Component.of(Kind.CV, "kfold", "")
                .param(Param.of("folds", Type.integer()).defaultValue(5).range(Range.atLeast(2)).positional().doc("folds"))
                .param(flag("shuffle", false)).param(seed()).build());
        out.add(Component.of(Kind.CV, "stratified", "").tasks(CLASSIFICATION)
                .param(Param.of("folds", Type.integer()).defaultValue(5).range(Range.atLeast(2)).positional().doc("folds"))
                .param(flag("shuffle", false)).param(seed()).build());
        out.add(Component.of(Kind.CV, "holdout", "")
                .param(Param.of("fraction", Type.number()).defaultValue(0.2).range(Range.unitOpen()).positional().doc("share")).build());
        // Pruning
        out.add(Component.of(Kind.PRUNE_METHOD, "magnitude", "")
                .param(Param.of("sparsity", Type.number()).range(Range.unitOpenRight()).required().positional().doc("share removed"))
                .param(choice("scope", "global", "global", "layer")).param(flag("include_bias", false))
                .param(opt("layers", Type.listOf(Type.integer()))).build());
        out.add(Component.of(Kind.PRUNE_METHOD, "neurons", "")
                .param(Param.of("sparsity", Type.number()).range(Range.unitOpenRight()).required().positional().doc("share removed"))
                .param(choice("norm", "l2", "l1", "l2")).param(choice("scope", "layer", "layer", "global")).build());
        out.add(Component.of(Kind.PRUNE_SCHEDULE, "one_shot", "").build());
        out.add(Component.of(Kind.PRUNE_SCHEDULE, "iterative", "").param(integer("steps", 3, Range.atLeast(1))).build());
        out.add(Component.of(Kind.PRUNE_SCHEDULE, "gradual", "").param(integer("epochs", 10, Range.atLeast(1)))
                .param(num("power", 3, Range.positive())).param(num("initial", 0, Range.unitOpenRight())).build());
        // Statement blocks and option groups
        Type validate = Type.anyOf(Type.number(), Type.ref("split", "data"));
        out.add(Component.of(Kind.STATEMENT, "train", "")
                .param(opt("loss", Type.component(Kind.LOSS))).param(opt("optimizer", Type.component(Kind.OPTIMIZER)))
                .param(opt("regularizer", Type.component(Kind.REGULARIZER))).param(opt("schedule", Type.component(Kind.SCHEDULE)))
                .param(Param.of("batch", Type.anyOf(Type.integer(), Type.choice("all"))).defaultValue(32).range(Range.atLeast(1)).doc("batch"))
                .param(choice("mode", "minibatch", "batch", "minibatch", "stochastic"))
                .param(integer("epochs", 10, Range.atLeast(1))).param(flag("shuffle", true)).param(seed())
                .param(Param.of("validate", validate).range(Range.unitOpen()).doc("validation"))
                .param(opt("early_stop", Type.group("early_stop"))).param(num("clip_norm", 1, Range.positive())).build());
        out.add(Component.of(Kind.OPTION_GROUP, "early_stop", "")
                .param(Param.of("metric", monitored()).defaultValue("val_loss").doc("metric")).param(integer("patience", 5, Range.nonNegative()))
                .param(num("min_delta", 0, Range.nonNegative())).param(flag("restore_best", true))
                .param(choice("mode", "auto", "auto", "min", "max")).build());
        out.add(Component.of(Kind.STATEMENT, "search", "")
                .param(opt("strategy", Type.component(Kind.SEARCH_STRATEGY)))
                .param(Param.of("cv", Type.anyOf(Type.integer(), Type.component(Kind.CV))).defaultValue(5).range(Range.atLeast(2)).doc("cv"))
                .param(opt("scoring", Type.anyOf(Type.component(Kind.METRIC), Type.listOf(Type.component(Kind.METRIC)))))
                .param(Param.of("direction", Type.anyOf(Type.choice("maximize", "minimize"), Type.listOf(Type.choice("maximize", "minimize")))).doc("d"))
                .param(opt("metrics", Type.listOf(Type.component(Kind.METRIC)))).param(integer("parallel", 1, Range.atLeast(1)))
                .param(seed()).param(flag("refit", true)).param(opt("median_stop", Type.group("median_stop"))).build());
        out.add(Component.of(Kind.OPTION_GROUP, "median_stop", "")
                .param(integer("warmup", 5, Range.nonNegative())).param(integer("min_trials", 5, Range.atLeast(1))).build());
        out.add(Component.of(Kind.STATEMENT, "prune", "")
                .param(Param.of("method", Type.component(Kind.PRUNE_METHOD)).required().doc("method"))
                .param(opt("schedule", Type.component(Kind.PRUNE_SCHEDULE))).param(opt("finetune", Type.group("finetune")))
                .param(flag("rewind", false)).build());
        out.add(Component.of(Kind.OPTION_GROUP, "finetune", "")
                .param(integer("epochs", 5, Range.atLeast(1))).param(opt("optimizer", Type.component(Kind.OPTIMIZER)))
                .param(integer("batch", 32, Range.atLeast(1))).param(opt("loss", Type.component(Kind.LOSS)))
                .param(opt("early_stop", Type.group("early_stop"))).param(Param.of("validate", validate).range(Range.unitOpen()).doc("v"))
                .build());
        out.add(Component.of(Kind.STATEMENT, "distill", "")
                .param(num("temperature", 2.0, Range.positive())).param(num("alpha", 0.5, Range.closed(0, 1)))
                .param(integer("epochs", 50, Range.atLeast(1))).param(opt("optimizer", Type.component(Kind.OPTIMIZER)))
                .param(opt("loss", Type.component(Kind.LOSS))).param(integer("batch", 32, Range.atLeast(1)))
                .param(opt("transfer", Type.ref("split", "data"))).param(flag("baseline", false)).param(seed())
                .param(num("seeds", 1, Range.atLeast(1))).build());
        out.add(Component.of(Kind.STATEMENT, "split", "").param(flag("stratify", false)).param(seed()).param(flag("shuffle", true)).build());
        out.add(Component.of(Kind.STATEMENT, "report", "").param(opt("file", Type.string())).param(opt("title", Type.string())).build());
        out.add(Component.of(Kind.STATEMENT, "network", "")
                .param(choice("init", "torch_default", "he", "xavier", "torch_default")).param(integer("input", 0, Range.atLeast(1)))
                .param(choice("dtype", "float32", "float32", "float64"))
                .param(Param.of("like", Type.ref("network")).doc(""))
                .param(Param.of("width", Type.number()).defaultValue(1.0).range(Range.of(0, false, 1, true)).doc("")).build());
        return out;
    }
}
