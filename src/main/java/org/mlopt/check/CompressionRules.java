package org.mlopt.check;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Name;
import org.mlopt.ast.Statement;
import org.mlopt.diag.ErrorCode;
import org.mlopt.schema.Task;

import java.util.Map;

/**
 * Pruning and distillation: pruning needs a trained network (E703, E407), neuron pruning must
 * leave every hidden layer a unit (E701), fine-tuning needs data and a gradual schedule needs
 * fine-tuning (E302); distillation needs a
 * trained teacher (E407), a network student (E204) with the teacher's output width (E702), and a
 * whole number of seeds (E304; the schema rejects counts below 1).
 */
final class CompressionRules {

    private final CheckContext ctx;
    private final BlockChecker blocks;
    private final ShapeInference shapes;
    private final TaskRules tasks;
    private final LeakageRules leakage;

    CompressionRules(CheckContext ctx, BlockChecker blocks, ShapeInference shapes, TaskRules tasks, LeakageRules leakage) {
        this.ctx = ctx;
        this.blocks = blocks;
        this.shapes = shapes;
        this.tasks = tasks;
        this.leakage = leakage;
    }

    void prune(Statement.Prune s) {
        ModelState model = ctx.model(s.target(), "a network to prune");
        DatasetInfo data = s.dataset().map(d -> ctx.dataset(d, "a dataset to fine-tune on")).orElse(null);
        Map<String, Expr> options = blocks.check(s.options(), ctx.registry.statement("prune").orElse(null), "prune");
        Expr finetune = options.get("finetune");
        if (finetune != null && s.dataset().isEmpty())
            ctx.diagnostics.error(ErrorCode.E302, s.options().get("finetune").map(k -> k.key().span()).orElse(s.target().span()),
                    "fine-tuning needs data: write prune " + s.target().text() + " on DATASET { ... }");
        if (finetune != null) s.dataset().ifPresent(d -> leakage.training(d, "fine-tuning"));
        Resolved schedule = ctx.resolved(options.get("schedule"));
        if (schedule != null && schedule.name().equals("gradual") && finetune == null)
            ctx.diagnostics.error(ErrorCode.E302, options.get("schedule").span(),
                    "gradual pruning trains between its phases, and this prune has no fine-tuning settings",
                    "help: add finetune: { optimizer: ..., loss: ... } and prune " + s.target().text() + " on DATASET");
        Resolved pruning = ctx.resolved(options.get("method"));
        if (schedule != null && schedule.name().equals("gradual") && pruning != null && pruning.name().equals("neurons"))
            ctx.diagnostics.error(ErrorCode.E901, options.get("schedule").span(),
                    "a gradual schedule raises weight masks; neuron pruning with it is not implemented yet",
                    "help: use schedule: iterative(steps: 3) to remove neurons in steps");
        if (finetune instanceof Expr.BlockLit b) finetuneRules(b.block(), model, data);
        if (model == null) return;
        if (!model.isNetwork()) {
            ctx.diagnostics.error(ErrorCode.E703, s.target().span(), "'" + model.name + "' is " + describe(model)
                    + ": pruning removes weights or neurons of a network", "help: declare it as network " + model.name + " { ... }");
            return;
        }
        if (!model.trained)
            ctx.diagnostics.error(ErrorCode.E407, s.target().span(), "'" + model.name + "' is pruned before it is trained",
                    "help: train it first; pruning ranks the trained weights");
        if (data != null) shapes.useInputs(model, data, s.dataset().get());
        Resolved method = ctx.resolved(options.get("method"));
        if (method != null) methodRules(method, model);
    }

    private void finetuneRules(Block block, ModelState model, DatasetInfo data) {
        // Fine-tuning validates on a share of its data or on a split part.
        Expr validate = block.get("validate").map(Block.Keyed::value).orElse(null);
        block.get("early_stop").ifPresent(k -> {
            if (validate == null && !MonitorRules.watchesTrainingLoss(k.value()))
                ctx.diagnostics.error(ErrorCode.E308, k.key().span(), "early stopping watches validation data, and this fine-tuning has none",
                        "help: add validate: 0.1 (a share of the fine-tuning data)");
            new MonitorRules(ctx, tasks).earlyStop(k.value(), data);
        });
        block.get("validate").ifPresent(k -> {
            if (k.value() instanceof Expr.Ref r && r.path().isSimple()) leakage.validation(r.path().head());
        });
        Resolved loss = block.get("loss").map(k -> ctx.resolved(k.value())).orElse(null);
        tasks.loss(loss, data);
        shapes.checkOutputs(model, loss, data);
    }

    private void methodRules(Resolved method, ModelState model) {
        if (method.component().param("layers").isPresent() && method.arg("layers") instanceof Expr.ListLit list) {
            for (Expr item : list.items()) {
                Double i = Values.number(item);
                if (i != null && (i < 0 || i >= model.layers.size()))
                    ctx.diagnostics.error(ErrorCode.E703, item.span(), "layer " + Values.fmt(i) + " does not exist: network '" + model.name
                            + "' has " + Values.plural(model.layers.size(), "dense layer") + " (0 to " + (model.layers.size() - 1) + ")");
            }
        }
        if (!method.name().equals("neurons")) return;
        double sparsity = method.number("sparsity", 0);
        if (!(sparsity >= 0 && sparsity < 1)) return;
        if (!method.word("scope", "layer").equals("layer")) return;
        for (int i = 0; i + 1 < model.layers.size(); i++) {
            NetworkShape.Layer layer = model.layers.get(i);
            if (layer.units() <= 0) continue;
            long removed = Math.round(sparsity * layer.units());
            if (removed >= layer.units()) {
                ctx.diagnostics.error(ErrorCode.E701, method.spanOf("sparsity"),
                        "neuron pruning with sparsity " + Values.fmt(sparsity) + " removes " + removed + " of the " + layer.units()
                                + " units of dense layer " + i + " of network '" + model.name + "', leaving it empty",
                        "help: lower the sparsity below " + Values.fmt((layer.units() - 0.5) / layer.units()) + " or widen the layer");
                return;
            }
        }
    }

    /** Checks a distill statement; returns the student when it can be marked trained. */
    ModelState distill(Statement.Distill s) {
        ModelState teacher = ctx.model(s.teacher(), "a trained teacher model");
        ModelState student = ctx.model(s.student(), "a student network");
        DatasetInfo data = ctx.dataset(s.dataset(), "a dataset to distill on");
        leakage.training(s.dataset(), "distilling");
        Map<String, Expr> options = blocks.check(s.options(), ctx.registry.statement("distill").orElse(null), "distill");
        if (options.get("seeds") instanceof Expr.NumberLit n && n.value() >= 1 && !n.isInteger())
            ctx.diagnostics.error(ErrorCode.E304, n.span(), "seeds is how many students to distil and must be a whole number >= 1, got " + n.text(),
                    "help: write seeds: " + (long) Math.floor(n.value()));
        Expr transfer = options.get("transfer");
        if (transfer instanceof Expr.Ref r && r.path().isSimple()) leakage.transfer(r.path().head());
        Expr validate = options.get("validate");
        if (validate instanceof Expr.Ref r && r.path().isSimple()) leakage.validation(r.path().head());
        if (teacher != null && !teacher.trained)
            ctx.diagnostics.error(ErrorCode.E407, s.teacher().span(), "teacher '" + teacher.name + "' is not trained before distillation",
                    "help: train or load the teacher first");
        if (student != null && !student.isNetwork()) {
            ctx.diagnostics.error(ErrorCode.E204, s.student().span(), "the student '" + student.name + "' is " + describe(student)
                    + ", but distillation trains a network", "help: declare it as network " + student.name + " { ... }");
            student = null;
        }
        if (teacher != null) shapes.useInputs(teacher, data, s.dataset());
        if (student != null) shapes.useInputs(student, data, s.dataset());
        Resolved loss = ctx.resolved(options.get("loss"));
        tasks.loss(loss, data);
        if (teacher != null && student != null) {
            int t = outputs(teacher, data);
            int st = student.networkOutputs();
            if (t > 0 && st > 0 && t != st) {
                NetworkShape.Layer last = student.layers.get(student.layers.size() - 1);
                ctx.diagnostics.error(ErrorCode.E702, last.unitsSpan(), "student '" + student.name + "' has " + Values.plural(st, "output")
                        + ", but teacher '" + teacher.name + "' has " + t + ": soft targets need one output per class",
                        "note: distill on line " + s.span().line() + " pairs them", "help: make the student's last layer dense(" + t + ")");
            }
        }
        return student;
    }

    /** The width of a teacher's output: a network's last layer, else one score per class. */
    private static int outputs(ModelState m, DatasetInfo data) {
        if (m.isNetwork()) return m.networkOutputs();
        if (m.outputs > 0 && m.task == Task.REGRESSION) return 1;
        if (data != null && data.task() != null && data.task().isClassification()) return data.classes().size();
        return m.outputs;
    }

    private static String describe(ModelState m) {
        if (m.kind.equals("load")) return "a loaded model";
        return "a " + m.kind + " model";
    }
}
