package org.mlopt.check;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Name;
import org.mlopt.ast.Span;
import org.mlopt.ast.Statement;
import org.mlopt.diag.ErrorCode;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Task;
import org.mlopt.schema.Type;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks each statement in source order, handing each concern to its rule class. */
final class StatementChecker implements Statement.Visitor<Void> {

    /** Train settings a scikit-style model ignores but that do no harm (W103). */
    private static final Set<String> HARMLESS_FOR_SKLEARN = Set.of("shuffle", "clip_norm");
    /** Train settings every model takes (the seed of a randomised solver). */
    private static final Set<String> ANY_MODEL = Set.of("seed");
    /** Train settings a gradient-descent linear model takes. */
    private static final Set<String> GD_SETTINGS = Set.of("optimizer", "batch", "mode", "epochs", "shuffle", "seed", "schedule");

    private final CheckContext ctx;
    private final ValueChecker values;
    private final ComponentChecker components;
    private final BlockChecker blocks;
    private final ShapeInference shapes;
    private final TaskRules tasks;
    private final LeakageRules leakage;
    private final SpaceChecker spaces;
    private final CompressionRules compression;
    private final DataSources dataSources;
    private final MonitorRules monitors;

    StatementChecker(CheckContext ctx) {
        this.ctx = ctx;
        this.values = new ValueChecker(ctx);
        this.components = new ComponentChecker(ctx, values);
        this.blocks = new BlockChecker(ctx, values);
        values.wire(components, blocks);
        this.shapes = new ShapeInference(ctx, components);
        this.tasks = new TaskRules(ctx);
        this.leakage = new LeakageRules(ctx);
        this.spaces = new SpaceChecker(ctx, values, components);
        this.compression = new CompressionRules(ctx, blocks, shapes, tasks, leakage);
        this.dataSources = new DataSources(ctx);
        this.monitors = new MonitorRules(ctx, tasks);
    }

    SpaceChecker spaces() {
        return spaces;
    }

    private Map<String, Expr> settings(java.util.Optional<Block> block, String keyword, String where) {
        return block.map(b -> blocks.check(b, ctx.registry.statement(keyword).orElse(null), where)).orElse(Map.of());
    }

    @Override
    public Void visitData(Statement.Data s) {
        Resolved source = components.checkCall(s.source(), Set.of(Kind.DATA_SOURCE));
        if (source == null || ctx.symbols.get(s.name().text()).declaredBy() != s) return null;
        ctx.declarations.put(s.name().text(), source);
        DatasetInfo info = dataSources.describe(s, source);
        if (info != null) ctx.datasets.put(s.name().text(), info);
        return null;
    }

    @Override
    public Void visitSplit(Statement.Split s) {
        DatasetInfo parent = ctx.dataset(s.dataset(), "a dataset to split");
        Map<String, Expr> options = settings(s.options(), "split", "split");
        boolean fractionsOk = checkFractions(s);
        Expr stratify = options.get("stratify");
        if (stratify instanceof Expr.BoolLit b && b.value() && parent != null && parent.task() == Task.REGRESSION)
            ctx.diagnostics.error(ErrorCode.E308, stratify.span(),
                    "stratify needs a classification target, but '" + parent.target() + "' is numeric (regression)",
                    "help: remove stratify: true");
        if (parent == null) return null;
        boolean unknownWidth = ctx.unknownWidth.contains(parent.name());
        for (Statement.SplitPart part : s.parts()) {
            Double f = Values.number(part.fraction());
            double fraction = fractionsOk && f != null ? f : Double.NaN;
            String name = part.name().text();
            if (ctx.symbols.get(name) == null || ctx.symbols.get(name).declaredBy() != s) continue;
            ctx.datasets.put(name, new DatasetInfo(name, parent.file(), parent.featureNames(), parent.target(), parent.task(),
                    parent.classes(), parent.rows(), parent.name(), SplitRoles.role(name), parent.fraction() * fraction));
            if (unknownWidth) ctx.unknownWidth.add(name);
        }
        return null;
    }

    /** At least two parts, each a fraction in (0, 1), adding up to 1 (E309). */
    private boolean checkFractions(Statement.Split s) {
        boolean ok = true;
        double sum = 0;
        for (Statement.SplitPart part : s.parts()) {
            Double f = Values.number(part.fraction());
            if (f == null) {
                ctx.diagnostics.error(ErrorCode.E303, part.fraction().span(), "the share of '" + part.name().text()
                        + "' must be a number between 0 and 1, got " + Values.describe(part.fraction()));
                ok = false;
            } else if (!(f > 0 && f < 1)) {
                ctx.diagnostics.error(ErrorCode.E309, part.fraction().span(), "the share of '" + part.name().text()
                        + "' must be in (0, 1), got " + Values.show(part.fraction()));
                ok = false;
            } else sum += f;
        }
        Span all = s.parts().get(0).span().to(s.parts().get(s.parts().size() - 1).span());
        if (s.parts().size() < 2) {
            ctx.diagnostics.error(ErrorCode.E309, all, "a split needs at least two parts, e.g. train: 0.8, test: 0.2");
            return false;
        }
        if (ok && Math.abs(sum - 1) > 1e-9) {
            ctx.diagnostics.error(ErrorCode.E309, all, "the split's shares add up to " + Values.fmt(Math.round(sum * 1e9) / 1e9) + ", not 1");
            return false;
        }
        return ok;
    }

    @Override
    public Void visitPreprocess(Statement.Preprocess s) {
        boolean widens = false;
        for (Expr.Call step : s.steps()) {
            Resolved r = components.checkCall(step, Set.of(Kind.PREPROCESSOR));
            if (r != null && r.name().equals("one_hot")) widens = true;
        }
        DatasetInfo fit = ctx.dataset(s.fitOn(), "a dataset to fit preprocessing on");
        leakage.preprocessFit(s.fitOn());
        if (widens && fit != null) {
            String root = fit.parent() != null ? fit.parent() : fit.name();
            for (DatasetInfo d : ctx.datasets.values())
                if (d.name().equals(root) || root.equals(d.parent())) ctx.unknownWidth.add(d.name());
        }
        return null;
    }

    @Override
    public Void visitModel(Statement.Model s) {
        Resolved spec = components.checkCall(s.spec(), Set.of(Kind.MODEL));
        if (spec != null && ctx.symbols.get(s.name().text()).declaredBy() == s)
            ctx.models.put(s.name().text(), new ModelState(s.name().text(), spec.name(), spec));
        return null;
    }

    @Override
    public Void visitNetwork(Statement.Network s) {
        Component schema = ctx.registry.statement("network").orElse(null);
        Map<String, Expr> settings = blocks.checkNetwork(s.body(), schema, "network '" + s.name().text() + "'");
        ModelState model = new ModelState(s.name().text(), "network", null);
        shapes.network(s, model, settings);
        if (ctx.symbols.get(s.name().text()).declaredBy() == s) ctx.models.put(s.name().text(), model);
        return null;
    }

    @Override
    public Void visitDecl(Statement.Decl s) {
        Kind kind = Kind.valueOf(s.kind().name());
        Resolved spec = components.checkCall(s.spec(), Set.of(kind));
        if (spec != null && ctx.symbols.get(s.name().text()).declaredBy() == s) ctx.declarations.put(s.name().text(), spec);
        return null;
    }

    @Override
    public Void visitTrain(Statement.Train s) {
        ModelState model = ctx.model(s.target(), "a model or network to train");
        DatasetInfo data = ctx.dataset(s.dataset(), "a dataset to train on");
        leakage.training(s.dataset(), "training");
        Map<String, Expr> options = settings(s.options(), "train", "train");
        Expr validate = options.get("validate");
        if (validate instanceof Expr.Ref r && r.path().isSimple()) leakage.validation(r.path().head());
        if (options.containsKey("mode") && options.containsKey("batch"))
            ctx.diagnostics.error(ErrorCode.E308, options.get("mode").span(), "mode and batch both set the batch size; give only one",
                    "help: mode: batch is batch: all, mode: stochastic is batch: 1");
        earlyStopping(options, data);
        monitors.schedule(options, data);
        if (model == null) return null;
        Span at = s.options().map(Block::span).orElse(s.target().span());
        Resolved loss = ctx.resolved(options.get("loss"));
        if (model.isNetwork()) {
            for (String required : List.of("loss", "optimizer"))
                if (!options.containsKey(required))
                    ctx.diagnostics.error(ErrorCode.E302, at, "training network '" + model.name + "' needs " + (required.equals("loss") ? "a loss" : "an optimizer"),
                            "help: add " + required + ": " + (required.equals("loss") ? "cross_entropy" : "adam(lr: 1e-3)") + " to the train block");
        } else if (model.spec != null) {
            sklearnSettings(model, options);
        }
        tasks.loss(loss, data);
        if (model.spec != null) tasks.model(model.spec, model.name, data, s.target().span());
        shapes.useInputs(model, data, s.dataset());
        shapes.checkOutputs(model, loss, data);
        markTrained(model, data);
        return null;
    }

    /**
     * Early stopping watches the validation data, so it needs {@code validate:} (unless it watches the
     * training loss), and a metric that fits the data.
     */
    private void earlyStopping(Map<String, Expr> options, DatasetInfo data) {
        if (!(options.get("early_stop") instanceof Expr.BlockLit block)) return;
        if (!options.containsKey("validate") && !MonitorRules.watchesTrainingLoss(block))
            ctx.diagnostics.error(ErrorCode.E308, block.span(), "early stopping watches validation data, and this train block has none",
                    "help: add validate: 0.1 (a share of the training data) or validate: PART (a split part)");
        monitors.earlyStop(block, data);
    }

    /** Settings a closed-form or library-solver model has no use for. */
    private void sklearnSettings(ModelState model, Map<String, Expr> options) {
        boolean gd = model.spec.component().param("solver").isPresent() && model.spec.word("solver", "").equals("gd");
        for (Map.Entry<String, Expr> e : options.entrySet()) {
            String key = e.getKey();
            if (ANY_MODEL.contains(key) || gd && GD_SETTINGS.contains(key)) continue;
            Span span = e.getValue().span();
            if (HARMLESS_FOR_SKLEARN.contains(key))
                ctx.diagnostics.error(ErrorCode.W103, span, key + " has no effect on " + model.kind + " (model '" + model.name + "')");
            else
                ctx.diagnostics.error(ErrorCode.E308, span, key + " does not apply to " + model.kind + " (model '" + model.name
                        + "'): it is fitted by its own solver" + (model.spec.component().param("solver").isPresent()
                        ? "; use solver: gd to train it by gradient descent" : ""));
        }
    }

    void markTrained(ModelState model, DatasetInfo data) {
        model.trained = true;
        if (data == null || data.task() == null) return;
        model.task = data.task();
        if (!model.isNetwork()) {
            boolean binaryLinear = data.task() == Task.BINARY;
            model.outputs = data.task() == Task.REGRESSION || binaryLinear ? 1 : data.classes().size();
        }
    }

    @Override
    public Void visitEvaluate(Statement.Evaluate s) {
        List<ModelState> models = new ArrayList<>();
        for (Name target : s.targets()) {
            ModelState m = ctx.model(target, "a model to evaluate");
            if (m == null) continue;
            models.add(m);
            if (!m.trained)
                ctx.diagnostics.error(ErrorCode.E407, target.span(), "'" + target.text() + "' is evaluated before it is trained",
                        "help: train, search, distill or load it first");
        }
        DatasetInfo data = ctx.dataset(s.dataset(), "a dataset to evaluate on");
        for (ModelState m : models) shapes.useInputs(m, data, s.dataset());
        List<Expr> metrics = s.metrics() instanceof Expr.ListLit l ? l.items() : List.of(s.metrics());
        if (metrics.isEmpty())
            ctx.diagnostics.error(ErrorCode.E302, s.metrics().span(), "evaluate needs at least one metric", "help: e.g. [accuracy, f1(average: macro)]");
        for (Expr metric : metrics) {
            Resolved r = values.check(metric, Type.component(Kind.METRIC), null, "a metric");
            tasks.metric(r, data);
        }
        return null;
    }

    @Override
    public Void visitSearch(Statement.Search s) {
        ModelState model = ctx.model(s.target(), "a model to search");
        DatasetInfo data = ctx.dataset(s.dataset(), "a dataset to search on");
        leakage.search(s.dataset());
        Map<String, Expr> options = blocks.checkSearch(s.options(), ctx.registry.statement("search").orElse(null));
        Expr validate = options.get("validate");
        if (validate instanceof Expr.Ref r && r.path().isSimple()) leakage.validation(r.path().head());
        Expr scoringExpr = options.get("scoring");
        List<Expr> objectives = scoringExpr instanceof Expr.ListLit l ? l.items() : scoringExpr == null ? List.of() : List.of(scoringExpr);
        for (Expr objective : objectives) tasks.metric(ctx.resolved(objective), data);
        objectives(scoringExpr, objectives, options);
        if (options.get("metrics") instanceof Expr.ListLit list)
            for (Expr m : list.items()) tasks.metric(ctx.resolved(m), data);
        int folds = folds(options.get("cv"));
        Resolved cv = ctx.resolved(options.get("cv"));
        if (cv != null && data != null && data.task() != null && !cv.component().fits(data.task()))
            ctx.diagnostics.error(ErrorCode.E308, ComponentChecker.where(cv), cv.name() + " folds need a classification target, but '"
                    + data.target() + "' is numeric (regression)", "help: use cv: kfold(5, shuffle: true)");
        spaces.check(s, model, options, folds);
        if (model == null) return null;
        if (model.spec != null) tasks.model(model.spec, model.name, data, s.target().span());
        shapes.useInputs(model, data, s.dataset());
        markTrained(model, data);
        return null;
    }

    /**
     * A list of scoring metrics makes a multi-objective search: a list of directions must match it,
     * and only strategies that score every trial on its own can rank by a Pareto front.
     */
    private void objectives(Expr scoring, List<Expr> objectives, Map<String, Expr> options) {
        Expr direction = options.get("direction");
        if (scoring instanceof Expr.ListLit l && l.items().isEmpty())
            ctx.diagnostics.error(ErrorCode.E302, l.span(), "scoring lists no metric", "help: e.g. scoring: [f1(average: macro), params]");
        if (direction instanceof Expr.ListLit dl && dl.items().size() != objectives.size())
            ctx.diagnostics.error(ErrorCode.E308, dl.span(), "direction lists " + Values.plural(dl.items().size(), "direction") + " for "
                    + Values.plural(objectives.size(), "scoring metric"), "help: give one direction per metric, or leave direction out to infer them");
        if (objectives.size() < 2) return;
        Expr strategy = options.get("strategy");
        String name = Values.strategyName(strategy);
        if (name != null && !name.equals("grid") && !name.equals("random"))
            ctx.diagnostics.error(ErrorCode.E901, strategy.span(), "a search with " + objectives.size() + " scoring metrics runs with grid or random; "
                    + name + " ranks trials by one score", "help: use strategy: random(trials: 30), or score by one metric");
        if (options.get("median_stop") != null)
            ctx.diagnostics.error(ErrorCode.E901, options.get("median_stop").span(), "median_stop compares one score; a multi-objective search cannot use it yet");
        for (int i = 0; i < objectives.size(); i++)
            for (int j = 0; j < i; j++)
                if (bareMetric(objectives.get(i)) != null && bareMetric(objectives.get(i)).equals(bareMetric(objectives.get(j))))
                    ctx.diagnostics.error(ErrorCode.E305, objectives.get(i).span(), "scoring lists the same metric twice");
    }

    /** The name of a metric written without arguments ({@code params}, {@code accuracy()}), else null. */
    private static String bareMetric(Expr e) {
        if (e instanceof Expr.Ref r && r.path().isSimple()) return r.path().head().text();
        if (e instanceof Expr.Call c && c.args().isEmpty()) return c.callee().text();
        return null;
    }

    /** Folds of a cv setting: a count, a k-fold scheme's first argument, 1 for a holdout; E304 below 2. */
    private int folds(Expr cv) {
        if (cv == null) return 5;
        if (cv instanceof Expr.NumberLit n) {
            org.mlopt.schema.Range declared = ctx.registry.statement("search").flatMap(c -> c.param("cv"))
                    .map(org.mlopt.schema.Param::range).orElse(null);
            if (n.value() < 2 && n.isInteger() && (declared == null || declared.contains(n.value())))
                ctx.diagnostics.error(ErrorCode.E304, n.span(), "cv must be >= 2 folds, got " + n.text(),
                        "help: use cv: holdout(0.2) for a single validation split");
            return (int) n.value();
        }
        Resolved r = ctx.resolved(cv);
        if (r == null) return 5;
        if (r.name().equals("holdout")) return 1;
        Component c = r.component();
        String countParam = c.param("folds").isPresent() ? "folds" : c.param("n_splits").isPresent() ? "n_splits"
                : c.param("k").isPresent() ? "k" : null;
        if (countParam == null) return 5;
        double k = r.number(countParam, 5);
        Expr given = r.arg(countParam);
        if (given instanceof Expr.NumberLit n && k < 2 && (c.param(countParam).get().range() == null || c.param(countParam).get().range().contains(k)))
            ctx.diagnostics.error(ErrorCode.E304, n.span(), countParam + " must be >= 2, got " + n.text());
        return (int) k;
    }

    @Override
    public Void visitPrune(Statement.Prune s) {
        compression.prune(s);
        return null;
    }

    @Override
    public Void visitDistill(Statement.Distill s) {
        ModelState student = compression.distill(s);
        if (student != null) {
            DatasetInfo data = ctx.datasets.get(s.dataset().text());
            markTrained(student, data);
        }
        return null;
    }

    @Override
    public Void visitSave(Statement.Save s) {
        ModelState m = ctx.model(s.target(), "a model to save");
        if (m == null) return null;
        if (!m.trained)
            ctx.diagnostics.error(ErrorCode.E407, s.target().span(), "'" + s.target().text() + "' is saved before it is trained");
        Path file = resolve(s.path());
        if (file != null) ctx.saved.put(file, m);
        return null;
    }

    @Override
    public Void visitLoad(Statement.Load s) {
        Path file = resolve(s.path());
        ModelState loaded = new ModelState(s.name().text(), "load", null);
        loaded.trained = true;
        ModelState source = file == null ? null : ctx.saved.get(file);
        if (source != null) {
            loaded.inputs = source.inputs;
            loaded.inputsFrom = source.inputsFrom;
            loaded.outputs = source.isNetwork() ? source.networkOutputs() : source.outputs;
            loaded.task = source.task;
        } else if (file != null && !Files.isRegularFile(file)) {
            ctx.diagnostics.error(ErrorCode.E801, s.path().span(), "model file '" + s.path().value() + "' not found",
                    "note: looked for " + file + "; a save earlier in the script would also provide it");
        }
        if (ctx.symbols.get(s.name().text()).declaredBy() == s) ctx.models.put(s.name().text(), loaded);
        return null;
    }

    private Path resolve(Expr.StringLit path) {
        try {
            return ctx.baseDir.resolve(path.value()).normalize();
        } catch (InvalidPathException e) {
            ctx.diagnostics.error(ErrorCode.E801, path.span(), "'" + path.value() + "' is not a valid file path");
            return null;
        }
    }

    @Override
    public Void visitReport(Statement.Report s) {
        settings(s.options(), "report", "report");
        return null;
    }
}
