package org.mlopt.exec;

import org.mlopt.ast.Expr;
import org.mlopt.ast.Statement;
import org.mlopt.check.CheckedProgram;
import org.mlopt.data.CsvReader;
import org.mlopt.data.DataException;
import org.mlopt.data.Dataset;
import org.mlopt.data.Impute;
import org.mlopt.data.MinMax;
import org.mlopt.data.OneHot;
import org.mlopt.data.Preprocessing;
import org.mlopt.data.Preprocessor;
import org.mlopt.data.Scale;
import org.mlopt.data.Standardize;
import org.mlopt.data.Synthetic;
import org.mlopt.data.TrainTestSplit;
import org.mlopt.plan.Step;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Task;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What each kind of step does, on the numeric libraries. */
final class StepRunners {

    private final CheckedProgram program;
    private final Declarations declarations;
    private final Binder binder;
    private final RunOptions options;
    private final ModelSteps models;
    private final SearchSteps searches;
    private final CompressionSteps compression;

    StepRunners(CheckedProgram program, Declarations declarations, Binder binder, RunOptions options, RunListener listener) {
        this.program = program;
        this.declarations = declarations;
        this.binder = binder;
        this.options = options;
        this.models = new ModelSteps(declarations, binder, options, listener);
        this.searches = new SearchSteps(program.ast(), declarations, org.mlopt.schema.Registry.standard(), models, options, listener);
        this.compression = new CompressionSteps(declarations, binder, options, true);
    }

    /** Why a step cannot run in this version, or null when it can. */
    String unsupported(Step step) {
        return switch (step.kind()) {
            case LOAD_DATA, SPLIT, FIT_PREPROCESS, APPLY_PREPROCESS, TRAIN, EVALUATE -> null;
            case SEARCH, FIT, REFIT, PROMOTE -> null;
            case PRUNE, FINETUNE, TEACHER_OUTPUTS, DISTILL, BASELINE -> null;
            case SAVE, LOAD_MODEL -> null;
            case REPORT -> options.folder() == null ? "a report is written into the run folder, and this run keeps none (--no-save)" : null;
        };
    }

    /**
     * Runs every step of a search group at once (trials, folds and the refit are scheduled by the
     * search engine, in parallel when asked) and stores each step's outputs.
     */
    StepResult runSearch(List<Step> group, Statement.Search statement, Map<String, Object> artifacts) {
        Dataset data = null;
        for (Step s : group)
            for (String in : s.inputs())
                if (artifacts.get(in) instanceof Dataset d && data == null) data = d;
        if (data == null) throw new RunFailure(statement.span(), "the data of the search on " + statement.target().text() + " is missing");
        String resultId = group.stream().filter(s -> s.kind() == org.mlopt.plan.StepKind.SEARCH).map(Step::id).findFirst()
                .orElse(group.get(0).id());
        SearchSteps.Outcome outcome = searches.run(group.get(0), resultId, statement, data, binder, replay(group, statement, data, artifacts));
        for (Step s : group)
            for (String out : s.outputs())
                artifacts.put(out, switch (s.kind()) {
                    case REFIT -> outcome.refitted();
                    case SEARCH -> outcome.search();
                    default -> Boolean.TRUE;
                });
        return outcome.result();
    }

    /** The prune or distill statement a search's trials replay, with the teacher and transfer set the planner gave its fits. */
    private SearchSteps.Replay replay(List<Step> group, Statement.Search statement, Dataset data, Map<String, Object> artifacts) {
        String replays = org.mlopt.plan.SpaceKey.replayed(
                statement.options().space().map(sp -> org.mlopt.plan.SpaceKey.parse(sp.block())).orElse(List.of()));
        String model = statement.target().text();
        if ("prune".equals(replays)) {
            Statement.Prune p = declarations.lastPruneBefore(model, statement);
            return new SearchSteps.Replay(p, null, null, null, finetuneValidation(p, group, artifacts));
        }
        if (!"distill".equals(replays)) return SearchSteps.Replay.NONE;
        NetworkModel teacher = null;
        Dataset transfer = null;
        for (String in : group.get(0).inputs()) {
            Object a = artifacts.get(in);
            if (a instanceof NetworkModel n && teacher == null) teacher = n;
            else if (a instanceof Dataset d && d != data && transfer == null) transfer = d;
        }
        if (teacher == null) throw new RunFailure(statement.span(), "the teacher of the distillation this search replays is not a trained network");
        return new SearchSteps.Replay(null, declarations.lastDistillBefore(model, statement), teacher, transfer, null);
    }

    /**
     * The split part a prune's fine-tuning validates on ({@code finetune: { validate: valid }}), from
     * the steps' inputs (the planner adds it), or null when it validates on a share or not at all.
     */
    private static Dataset finetuneValidation(Statement.Prune p, List<Step> steps, Map<String, Object> artifacts) {
        if (p == null) return null;
        String part = p.options().get("finetune").map(org.mlopt.ast.Block.Keyed::value)
                .filter(v -> v instanceof Expr.BlockLit).flatMap(v -> ((Expr.BlockLit) v).block().get("validate"))
                .map(org.mlopt.ast.Block.Keyed::value).filter(v -> v instanceof Expr.Ref r && r.path().isSimple())
                .map(v -> ((Expr.Ref) v).path().head().text()).orElse(null);
        if (part == null) return null;
        for (Step s : steps)
            for (String in : s.inputs())
                if (in.replaceAll("#.*", "").equals(part) && artifacts.get(in) instanceof Dataset d) return d;
        return null;
    }

    /** Runs all steps of a prune or distill statement at once: phases and fine-tuning share optimizer state. */
    StepResult runCompression(List<Step> steps, Statement statement, Map<String, Object> artifacts) {
        Step first = steps.get(0);
        Object model = artifacts.get(first.inputs().get(0));
        if (!(model instanceof NetworkModel network))
            throw new RunFailure(statement.span(), "only networks can be pruned or distilled, and '" + first.inputs().get(0).replaceAll("#.*", "")
                    + "' is a " + ((TrainedModel) model).kind());
        long seed = first.seed().orElse(0) & 0xFFFFFFFFL;
        for (Step s : steps) if (s.seed().isPresent()) seed = s.seed().getAsLong() & 0xFFFFFFFFL;
        CompressionSteps.Outcome outcome;
        if (statement instanceof Statement.Prune p) {
            Dataset validation = finetuneValidation(p, steps, artifacts);
            Dataset data = null;
            for (Step s : steps)
                for (String in : s.inputs())
                    if (artifacts.get(in) instanceof Dataset d && d != validation) data = d;
            outcome = compression.prune(p, network, data, validation, first.id(), seed);
        } else {
            Statement.Distill d = (Statement.Distill) statement;
            List<Dataset> datasets = new ArrayList<>();
            for (String in : first.inputs()) if (artifacts.get(in) instanceof Dataset ds) datasets.add(ds);
            outcome = compression.distill(d, network, datasets.get(0), datasets.size() > 1 ? datasets.get(1) : null, first.id(), seed);
        }
        for (Step s : steps)
            for (String out : s.outputs())
                artifacts.put(out, s.kind() == org.mlopt.plan.StepKind.BASELINE
                        ? compression.baselines.get(((Statement.Distill) statement).student().text())
                        : s.kind() == org.mlopt.plan.StepKind.TEACHER_OUTPUTS ? Boolean.TRUE : outcome.model());
        return outcome.result();
    }

    StepResult run(Step step, Statement statement, Map<String, Object> artifacts) {
        return switch (step.kind()) {
            case LOAD_DATA -> {
                artifacts.put(step.outputs().get(0), load((Statement.Data) statement));
                yield null;
            }
            case SPLIT -> {
                Dataset parent = (Dataset) artifacts.get(step.inputs().get(0));
                List<Dataset> parts = split((Statement.Split) statement, parent, step);
                for (int i = 0; i < parts.size(); i++) artifacts.put(step.outputs().get(i), parts.get(i));
                yield null;
            }
            case FIT_PREPROCESS -> {
                Dataset fitOn = (Dataset) artifacts.get(step.inputs().get(0));
                artifacts.put(step.outputs().get(0), Preprocessing.fit(preprocessors((Statement.Preprocess) statement), fitOn));
                yield null;
            }
            case APPLY_PREPROCESS -> {
                Dataset in = (Dataset) artifacts.get(step.inputs().get(0));
                Preprocessing fitted = (Preprocessing) artifacts.get(step.inputs().get(1));
                artifacts.put(step.outputs().get(0), fitted.transform(in));
                yield null;
            }
            case SAVE -> {
                Statement.Save save = (Statement.Save) statement;
                Path file = program.baseDir().resolve(save.path().value());
                TrainedModel model = (TrainedModel) artifacts.get(step.inputs().get(0));
                try {
                    ModelStore.save(model, file);
                } catch (java.io.IOException e) {
                    throw new RunFailure(save.path().span(), "cannot save " + save.target().text() + " to " + file + ": " + e.getMessage());
                }
                artifacts.put(step.outputs().get(0), file);
                yield new StepResult(step.id(), "save", save.target().text(), null, Map.of(),
                        map("file", save.path().value(), "bytes", file.toFile().length()), List.of());
            }
            case LOAD_MODEL -> {
                Statement.Load load = (Statement.Load) statement;
                Path file = program.baseDir().resolve(load.path().value());
                try {
                    artifacts.put(step.outputs().get(0), ModelStore.load(file));
                } catch (java.nio.file.NoSuchFileException e) {
                    throw new RunFailure(load.path().span(), "model file " + file + " does not exist", "save a model there first (save M to \"...\")", e);
                } catch (java.io.IOException e) {
                    throw new RunFailure(load.path().span(), "cannot load " + file + ": " + e.getMessage());
                }
                yield null;
            }
            case REPORT -> {
                // The run folder's summary already holds every step before this one.
                try {
                    Path file = org.mlopt.report.ReportWriter.write(options.folder());
                    yield new StepResult(step.id(), "report", "report", null, Map.of(), map("file", file.toString()), List.of());
                } catch (java.io.IOException e) {
                    throw new RunFailure(statement.span(), "cannot write the report: " + e.getMessage());
                }
            }
            case TRAIN -> models.train(step, (Statement.Train) statement, artifacts);
            case EVALUATE -> {
                StepResult r = models.evaluate(step, (Statement.Evaluate) statement, artifacts);
                // Only the distilled student itself (not a later retrained or pruned model of that name).
                CompressionSteps.Distilled distilled = compression.distilled(artifacts.get(step.inputs().get(0))).orElse(null);
                if (distilled == null) yield r;
                Statement.Evaluate e = (Statement.Evaluate) statement;
                List<Expr> requested = e.metrics() instanceof Expr.ListLit l ? l.items() : List.of(e.metrics());
                Dataset data = (Dataset) artifacts.get(step.inputs().get(1));
                Map<String, Object> details = new LinkedHashMap<>(r.details());
                details.putAll(DistilledEvaluation.details(distilled, r.metrics(), m -> ModelSteps.metrics(binder, m, data, requested)));
                yield new StepResult(r.stepId(), r.kind(), r.subject(), r.data(), r.metrics(), details, r.history());
            }
            default -> throw new IllegalStateException("no runner for " + step.kind());
        };
    }

    private Dataset load(Statement.Data s) {
        Bound source = binder.call(s.source(), EnumSet.of(Kind.DATA_SOURCE));
        long seed = seed(source, s.span().startOffset());
        try {
            return switch (source.name()) {
                case "csv" -> {
                    Path file = program.baseDir().resolve(source.word("path"));
                    CsvReader.Options o = CsvReader.Options.defaults()
                            .withTask(switch (source.optionalWord("task").orElse("auto")) {
                                case "classification" -> CsvReader.TaskHint.CLASSIFICATION;
                                case "regression" -> CsvReader.TaskHint.REGRESSION;
                                default -> CsvReader.TaskHint.AUTO;
                            });
                    if (source.has("target")) o = o.withTarget(source.word("target"));
                    o = o.withMissing(imputes(s.name().text())).withCategorical(oneHotColumns(s.name().text()));
                    yield CsvReader.read(file, o);
                }
                case "synthetic_regression" -> Synthetic.regression(source.integer("samples"), source.integer("features"),
                        Math.min(source.integer("informative", source.integer("features")), source.integer("features")), source.number("noise", 0.0), seed).data();
                case "synthetic_classification" -> Synthetic.classification(source.integer("samples"), source.integer("features"),
                        source.integer("informative", 2), source.integer("classes", 2), 1.0, seed);
                case "blobs" -> Synthetic.blobs(source.integer("samples"), source.integer("features", 2), source.integer("centers", 3),
                        source.number("spread", 1.0), seed);
                case "moons" -> Synthetic.moons(source.integer("samples"), source.number("noise", 0.0), seed);
                default -> throw new RunFailure(s.span(), "data source '" + source.name() + "' is not available yet");
            };
        } catch (DataException e) {
            throw new RunFailure(s.span(), e.getMessage(), null, e);
        }
    }

    /** A statement's own seed, else one derived from the run's seed and the statement's position. */
    private long seed(Bound b, int position) {
        if (b.has("seed")) return b.integer("seed");
        return org.mlopt.plan.SeedSequence.of(options.seed()).child(position).seed() & 0xFFFFFFFFL;
    }

    /** Whether any preprocess statement imputes missing values of this dataset's parts. */
    private boolean imputes(String dataset) {
        for (Statement s : program.ast().statements())
            if (s instanceof Statement.Preprocess p && rootOf(p.fitOn().text()).equals(dataset))
                for (Expr.Call c : p.steps()) if (c.callee().text().equals("impute")) return true;
        return false;
    }

    private Set<String> oneHotColumns(String dataset) {
        Set<String> columns = new java.util.LinkedHashSet<>();
        for (Statement s : program.ast().statements())
            if (s instanceof Statement.Preprocess p && rootOf(p.fitOn().text()).equals(dataset))
                for (Expr.Call c : p.steps())
                    if (c.callee().text().equals("one_hot"))
                        for (Object col : binder.call(c, EnumSet.of(Kind.PREPROCESSOR)).list("columns")) columns.add(col.toString());
        return columns;
    }

    private String rootOf(String name) {
        Statement s = declarations.get(name);
        return s instanceof Statement.Split sp ? rootOf(sp.dataset().text()) : name;
    }

    private List<Dataset> split(Statement.Split s, Dataset parent, Step step) {
        Bound opts = s.options().map(b -> binder.block("split", Kind.STATEMENT, b)).orElse(binder.defaults("split", Kind.STATEMENT));
        double[] fractions = new double[s.parts().size()];
        for (int i = 0; i < fractions.length; i++) fractions[i] = ((Expr.NumberLit) s.parts().get(i).fraction()).value();
        boolean stratify = opts.bool("stratify", false) && parent.task() != Task.REGRESSION;
        long seed = opts.has("seed") ? opts.integer("seed") : step.seed().orElse(0) & 0xFFFFFFFFL;
        int[][] rows = TrainTestSplit.parts(parent.numRows(), stratify ? parent.labels() : null, fractions, seed,
                opts.bool("shuffle", true));
        List<Dataset> parts = new ArrayList<>();
        for (int[] r : rows) parts.add(parent.rows(r));
        return parts;
    }

    private List<Preprocessor> preprocessors(Statement.Preprocess s) {
        List<Preprocessor> steps = new ArrayList<>();
        for (Expr.Call c : s.steps()) {
            Bound b = binder.call(c, EnumSet.of(Kind.PREPROCESSOR));
            steps.add(switch (b.name()) {
                case "standardize" -> new Standardize();
                case "min_max" -> new MinMax(b.number("low", 0.0), b.number("high", 1.0));
                case "scale" -> new Scale(b.number("by"));
                case "one_hot" -> new OneHot(b.list("columns").stream().map(Object::toString).toList());
                case "impute" -> new Impute(switch (b.optionalWord("strategy").orElse("mean")) {
                    case "median" -> Impute.Strategy.MEDIAN;
                    case "most_frequent" -> Impute.Strategy.MOST_FREQUENT;
                    case "constant" -> Impute.Strategy.CONSTANT;
                    default -> Impute.Strategy.MEAN;
                }, b.number("value", 0.0));
                default -> throw new RunFailure(c.span(), "preprocessor '" + b.name() + "' is not available yet");
            });
        }
        return steps;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
