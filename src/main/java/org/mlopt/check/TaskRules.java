package org.mlopt.check;

import org.mlopt.ast.Span;
import org.mlopt.diag.ErrorCode;
import org.mlopt.schema.Component;
import org.mlopt.schema.Task;

/**
 * Components against the learning task of the data they meet: losses (E403), metrics (E404)
 * and models (E405), each through the tasks its schema lists.
 */
final class TaskRules {

    private final CheckContext ctx;

    TaskRules(CheckContext ctx) {
        this.ctx = ctx;
    }

    void loss(Resolved loss, DatasetInfo data) {
        check(loss, data, ErrorCode.E403);
    }

    void metric(Resolved metric, DatasetInfo data) {
        check(metric, data, ErrorCode.E404);
    }

    void model(Resolved model, String modelName, DatasetInfo data, Span at) {
        if (model == null || data == null || data.task() == null || model.component().fits(data.task())) return;
        ctx.diagnostics.error(ErrorCode.E405, at, model.name() + " (model '" + modelName + "') is a " + needs(model.component())
                + " model, but '" + data.target() + "'" + source(data) + " is " + describe(data),
                data.task().isClassification() ? "help: use logistic_regression or a network with cross_entropy for classes"
                        : "help: use linear_regression, ridge, lasso or elastic_net for a numeric target");
    }

    private void check(Resolved r, DatasetInfo data, ErrorCode code) {
        if (r == null || data == null || data.task() == null || r.component().fits(data.task())) return;
        Span at = ComponentChecker.where(r);
        ctx.diagnostics.error(code, at, r.name() + " needs a " + needs(r.component()) + " target, but '" + data.target() + "'"
                + source(data) + " is " + describe(data));
    }

    /** "classification", "regression" or "binary classification", from the tasks a component fits. */
    private static String needs(Component c) {
        boolean reg = c.tasks().contains(Task.REGRESSION);
        boolean bin = c.tasks().contains(Task.BINARY);
        boolean multi = c.tasks().contains(Task.MULTICLASS);
        if (reg && !bin && !multi) return "regression";
        if (bin && !multi) return "binary classification";
        if (multi && !bin) return "multi-class classification";
        return "classification";
    }

    private static String source(DatasetInfo d) {
        return d.file() != null ? " in " + d.file().getFileName() : "";
    }

    private static String describe(DatasetInfo d) {
        if (d.task() == Task.REGRESSION) return "numeric (regression)";
        return "categorical with " + d.classes().size() + " classes (" + d.task().label() + ")";
    }
}
