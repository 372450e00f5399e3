package org.mlopt.check;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Span;
import org.mlopt.diag.ErrorCode;
import org.mlopt.diag.Suggest;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Task;

import java.util.Map;

/**
 * What training watches, against the data it trains on: the {@code metric} of an
 * {@code early_stop} block (in a train block or a fine-tuning) and of a {@code plateau} schedule.
 * The value is {@code val_loss}, {@code loss}, {@code val_NAME} or a metric, bare or called; a
 * metric must give one number (E307: not confusion_matrix) and fit the target's task (E404), and
 * {@code average: binary} needs two classes (E308). Metrics on the validation data need it (E308);
 * the training loss does not.
 */
final class MonitorRules {

    private final CheckContext ctx;
    private final TaskRules tasks;

    MonitorRules(CheckContext ctx, TaskRules tasks) {
        this.ctx = ctx;
        this.tasks = tasks;
    }

    /** True for an {@code early_stop} block watching the training loss, which needs no validation data. */
    static boolean watchesTrainingLoss(Expr earlyStop) {
        return earlyStop instanceof Expr.BlockLit block && block.block().get("metric")
                .map(k -> k.value() instanceof Expr.Ref r && r.path().isSimple() && r.path().head().text().equals("loss")).orElse(false);
    }

    /** An {@code early_stop} block's metric, for training on {@code data} (null when unknown). */
    void earlyStop(Expr earlyStop, DatasetInfo data) {
        if (!(earlyStop instanceof Expr.BlockLit block)) return;
        block.block().get("metric").map(Block.Keyed::value).ifPresent(m -> watched(m, data));
    }

    /**
     * The train block's schedule when it is a plateau watching a validation metric: the metric must
     * fit the data, and the train block must give validation data.
     */
    void schedule(Map<String, Expr> options, DatasetInfo data) {
        Resolved schedule = ctx.resolved(options.get("schedule"));
        if (schedule == null || !schedule.name().equals("plateau")) return;
        Expr metric = schedule.arg("metric");
        if (metric == null) return;
        boolean onValidation = watched(metric, data);
        if (onValidation && !options.containsKey("validate"))
            ctx.diagnostics.error(ErrorCode.E308, options.get("schedule").span(), "the plateau schedule watches " + describe(metric)
                    + " on validation data, and this train block has none",
                    "help: add validate: 0.1 (a share of the training data) or validate: PART (a split part)");
    }

    /** Checks a watched value; true when it is a metric on the validation data (not val_loss or loss). */
    private boolean watched(Expr metric, DatasetInfo data) {
        if (metric instanceof Expr.Ref r && r.path().isSimple()) {
            String word = r.path().head().text();
            if (word.equals("val_loss") || word.equals("loss")) return false;
            if (word.startsWith("val_")) {
                Component c = ctx.registry.find(Kind.METRIC, word.substring(4)).orElse(null);
                if (c == null) return false; // reported by the value check
                Resolved named = new Resolved(c, Map.of(), metric);
                return scalar(named, metric.span()) && fits(named, data);
            }
        }
        Resolved r = ctx.resolved(metric);
        if (r == null || r.component().kind() != Kind.METRIC) return false;
        return scalar(r, metric.span()) && fits(r, data) && averageFits(r, data) && positiveFits(r, data);
    }

    private boolean scalar(Resolved metric, Span at) {
        if (!metric.name().equals("confusion_matrix")) return true;
        ctx.diagnostics.error(ErrorCode.E307, at, "confusion_matrix gives a matrix, and training watches one number",
                "help: watch val_loss, accuracy or f1(average: macro), for instance");
        return false;
    }

    private boolean fits(Resolved metric, DatasetInfo data) {
        if (data == null || data.task() == null || metric.component().fits(data.task())) return true;
        tasks.metric(metric, data);
        return false;
    }

    private boolean averageFits(Resolved metric, DatasetInfo data) {
        Expr average = metric.arg("average");
        if (average == null || data == null || data.task() != Task.MULTICLASS || !"binary".equals(Values.wordOrString(average))) return true;
        ctx.diagnostics.error(ErrorCode.E308, average.span(), "average: binary scores one class of two, and '" + data.target()
                + "' has " + data.classes().size() + " classes", "help: use average: macro, micro or weighted");
        return false;
    }

    /** {@code positive:} must name one of the target's classes (E307, with the closest). */
    private boolean positiveFits(Resolved metric, DatasetInfo data) {
        Expr positive = metric.arg("positive");
        if (positive == null || data == null || data.task() == null || !data.task().isClassification() || data.classes().isEmpty()) return true;
        String name = positive instanceof Expr.NumberLit n ? classNumber(n.value()) : Values.wordOrString(positive);
        if (name == null || data.classes().contains(name)) return true;
        ctx.diagnostics.error(ErrorCode.E307, positive.span(), "'" + name + "' is not a class of '" + data.target() + "': its classes are "
                + String.join(", ", data.classes()), Suggest.note(name, data.classes()));
        return false;
    }

    /** A class written as a number, spelled as the data's class names spell whole numbers. */
    static String classNumber(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String describe(Expr metric) {
        if (metric instanceof Expr.Ref r) return r.path().toString();
        if (metric instanceof Expr.Call c) return c.callee().text();
        return "a metric";
    }
}
