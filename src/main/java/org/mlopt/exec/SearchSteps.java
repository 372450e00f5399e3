package org.mlopt.exec;

import org.mlopt.ast.Expr;
import org.mlopt.ast.Program;
import org.mlopt.ast.Statement;
import org.mlopt.check.Overrides;
import org.mlopt.data.CrossValidation;
import org.mlopt.data.Dataset;
import org.mlopt.data.TrainTestSplit;
import org.mlopt.diag.Diagnostic;
import org.mlopt.metric.Metrics;
import org.mlopt.plan.Step;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Registry;
import org.mlopt.schema.Task;
import org.mlopt.search.Config;
import org.mlopt.search.ConfigValues;
import org.mlopt.search.Direction;
import org.mlopt.search.GridSampler;
import org.mlopt.search.MedianStoppingRule;
import org.mlopt.search.ParetoFront;
import org.mlopt.search.RandomSampler;
import org.mlopt.search.Resource;
import org.mlopt.search.Sampler;
import org.mlopt.search.Scheduler;
import org.mlopt.search.SearchResult;
import org.mlopt.search.SearchRunner;
import org.mlopt.search.SearchSpace;
import org.mlopt.search.SpaceReader;
import org.mlopt.search.TpeSampler;
import org.mlopt.search.TrialResult;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a whole search group: every trial on every fold through {@code org.mlopt.search}, then the
 * refit of the best configuration on all the search's data. A trial's configuration is applied
 * as overrides of the script ({@code C} → {@code clf.C}, {@code opt.lr}, {@code train.epochs} →
 * {@code train.M.epochs}), so a trial fits exactly what the script would with those values.
 */
final class SearchSteps {

    private static final Pattern LAYER_KEY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\.dense\\[(\\d+)](\\.units)?");

    private final Program program;
    private final Registry registry;
    private final ModelSteps models;
    private final RunOptions options;
    private final RunListener listener;
    private final Declarations declarations;

    SearchSteps(Program program, Declarations declarations, Registry registry, ModelSteps models, RunOptions options,
                RunListener listener) {
        this.program = program;
        this.declarations = declarations;
        this.listener = listener;
        this.registry = registry;
        this.models = models;
        this.options = options;
    }

    /** Runs the search; returns the refitted model (null when refit is off) and the step result. */
    record Outcome(TrainedModel refitted, SearchResult search, StepResult result) {}

    /**
     * What a trial replays after (or, for a distillation, instead of) training M: the statement the
     * space's {@code prune.*} or {@code distill.*} keys tune, with a distillation's teacher and
     * transfer set as they are at the search, and the split part a replayed fine-tuning validates on.
     */
    record Replay(Statement.Prune prune, Statement.Distill distill, NetworkModel teacher, Dataset transfer, Dataset validation) {
        static final Replay NONE = new Replay(null, null, null, null, null);
    }

    /** @param resultId the id of the group's selection step, under which the search is reported */
    Outcome run(Step first, String resultId, Statement.Search s, Dataset data, Binder binder, Replay replay) {
        String model = s.target().text();
        Bound settings = binder.block("search", Kind.STATEMENT, s.options());
        SearchSpace space = SpaceReader.read(s.options().space().orElseThrow().block());
        long seed = settings.has("seed") ? settings.integer("seed") : first.seed().orElse(options.seed()) & 0xFFFFFFFFL;
        Bound strategy = settings.call("strategy").orElse(new Bound("grid", Map.of(), s.span()));
        Sampler sampler = sampler(strategy, space, seed);
        List<Expr.Call> scorings = metricCalls(s);
        Expr.Call scoring = scorings.get(0);
        List<ParetoFront.Objective> objectives = objectives(scorings, settings.get("direction"));
        String metric = objectives.get(0).metric();
        Direction direction = objectives.get(0).direction();
        Folds folds = folds(settings.call("cv").orElse(null), settings.get("cv"), data, seed);
        Statement.Train recipe = declarations.lastTrainBefore(model, s);
        // Each fold's rows are copied once, not once per trial.
        Dataset[][] foldData = new Dataset[folds.count()][];
        for (int f = 0; f < folds.count(); f++) foldData[f] = new Dataset[] {data.rows(folds.train(f)), data.rows(folds.valid(f))};

        // The score first, then every other metric the search asks to record, per fold.
        List<Expr> recorded = new ArrayList<>(scorings);
        s.options().get("metrics").map(org.mlopt.ast.Block.Keyed::value).ifPresent(m -> {
            for (Expr e : m instanceof Expr.ListLit l ? l.items() : List.of(m)) recorded.add(e);
        });
        AtomicBoolean cancel = new AtomicBoolean();
        boolean medianStop = settings.call("median_stop").isPresent();
        SearchRunner.Builder runner = SearchRunner.builder(sampler, (config, fold, resource, fitSeed, reporter) -> {
            if (options.cancelled().getAsBoolean()) cancel.set(true);
            Dataset train = foldData[fold][0];
            Dataset valid = foldData[fold][1];
            // With a median stopping rule, a network reports its validation score after every epoch
            // (val_accuracy when the search maximises, val_loss when it minimises) and stops when told.
            ModelSteps.Hooks hooks = !medianStop ? null : new ModelSteps.Hooks((epoch, record) -> {
                Double v = direction == Direction.MAXIMIZE ? record.metrics().get("val_accuracy") : record.metrics().get("val_loss");
                if (v != null) reporter.report(epoch - 1, v);
            }, reporter::stopped);
            TrainedModel fitted = fitWith(config, model, recipe, train, medianStop ? valid : null, fitSeed, resource, hooks, replay);
            Map<String, Object> scores = ModelSteps.metrics(binder, fitted, valid, recorded);
            Map<String, Double> out = new LinkedHashMap<>();
            out.put(metric, (Double) scores.values().iterator().next());
            scores.forEach((k, v) -> { if (v instanceof Double d) out.putIfAbsent(k, d); });
            return out;
        }).folds(folds.count()).metric(metric, direction).parallel(settings.integer("parallel", 1))
                .threads(Math.max(1, settings.integer("parallel", 1)))
                .seed(seed).cancel(cancel).scheduler(scheduler(strategy, recipe, binder, data))
                .onTrial(t -> listener.trial(first, t, objectives.stream().map(ParetoFront.Objective::metric).toList()));
        settings.call("median_stop").ifPresent(m -> runner.medianStop(new MedianStoppingRule(m.integer("warmup", 5), m.integer("min_trials", 5))));
        SearchResult result;
        if (options.folder() == null) result = runner.build().run();
        else {
            // Every finished trial is logged in the run folder; a resumed run reuses them.
            java.nio.file.Path log = options.folder().resolve("search-" + model + "-" + first.id().replaceAll("\\..*", ""));
            runner.folder(log);
            result = java.nio.file.Files.exists(log.resolve("trials.jsonl")) ? runner.build().resume(log) : runner.build().run();
        }

        // One objective: the runner's best. Several: the Pareto front, whose best on the first objective is refitted.
        List<TrialResult> front = objectives.size() > 1 ? ParetoFront.of(result.trials(), objectives) : List.of();
        TrialResult best = (objectives.size() > 1 ? front.stream().findFirst() : result.best()).orElseThrow(() ->
                new RunFailure(s.span(), "no trial of the search on " + model + " finished", "look at the trials' error messages above", null));
        TrainedModel refitted = settings.bool("refit", true)
                ? fitWith(best.config(), model, recipe, data, null, refitSeed(binder, recipe, replay, seed), Resource.FULL, null, replay) : null;

        Map<String, Object> metrics = new LinkedHashMap<>();
        if (objectives.size() == 1) metrics.put(metric, result.bestScore());
        else for (ParetoFront.Objective o : objectives) metrics.put(o.metric(), best.mean(o.metric()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("strategy", strategy.name());
        details.put("folds", folds.count());
        details.put("trials", result.trials().size());
        details.put("best_params", best.config().values());
        if (objectives.size() > 1) {
            List<Object> described = new ArrayList<>();
            for (ParetoFront.Objective o : objectives)
                described.add(Map.of("metric", o.metric(), "direction", o.direction() == Direction.MAXIMIZE ? "maximize" : "minimize"));
            details.put("objectives", described);
            details.put("pareto_front", front.stream().map(TrialResult::number).toList());
        }
        if (replay.prune() != null) details.put("replays", "prune");
        if (replay.distill() != null) details.put("replays", "distill");
        Statement declared = declarations.get(model);
        details.put("snippet", declared instanceof Statement.Model m
                ? org.mlopt.search.BestSnippet.render(model, m.spec().callee().text(), best.config())
                : org.mlopt.search.BestSnippet.lines(best.config()));
        List<Object> trials = new ArrayList<>();
        for (TrialResult t : result.trials()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("trial", t.number());
            row.put("params", t.config().values());
            row.put("state", t.state().name().toLowerCase(java.util.Locale.ROOT));
            if (!t.resource().full()) {
                // Halving and Hyperband place a trial by bracket and rung, with the budget it got.
                row.put("bracket", t.bracket());
                row.put("rung", t.rung());
                row.put("resource", Map.of("kind", t.resource().kind(), "units", t.resource().units()));
            }
            for (ParetoFront.Objective o : objectives) {
                row.put("mean_" + o.metric(), t.mean(o.metric()));
                row.put("std_" + o.metric(), t.sd(o.metric()));
            }
            List<Object> perFold = new ArrayList<>();
            for (var f : t.folds()) perFold.add(f.metrics());
            row.put("folds", perFold);
            trials.add(row);
        }
        details.put("trial_scores", trials);
        return new Outcome(refitted, result, new StepResult(resultId, "search", model, s.dataset().text(), metrics, details, List.of()));
    }

    private TrainedModel fitWith(Config config, String model, Statement.Train recipe, Dataset data, Dataset validation, long seed,
                                 Resource resource, ModelSteps.Hooks hooks, Replay replay) {
        List<String> sets = new ArrayList<>();
        Map<Integer, Integer> layerUnits = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : config.values().entrySet()) {
            String key = e.getKey();
            String value = ConfigValues.format(e.getValue());
            Matcher layer = LAYER_KEY.matcher(key);
            if (layer.matches()) layerUnits.put(Integer.parseInt(layer.group(2)), (int) Math.round((Double) e.getValue()));
            else if (!key.contains(".")) sets.add(model + "." + key + "=" + value);
            else if (key.startsWith("train.")) sets.add("train." + model + "." + key.substring(6) + "=" + value);
            else if (key.equals("prune.sparsity")) sets.add("prune." + model + ".method.sparsity=" + value);
            else if (key.startsWith("prune.") || key.startsWith("distill.")) {
                int dot = key.indexOf('.');
                sets.add(key.substring(0, dot) + "." + model + key.substring(dot) + "=" + value);
            }
            else sets.add(key + "=" + value);
        }
        if (!resource.full() && resource.kind().equals("epochs"))
            sets.add((replay.distill() != null ? "distill." : "train.") + model + ".epochs=" + resource.units());
        // A trial's distillation trains the student once: no baseline beside it.
        if (replay.distill() != null) sets.add("distill." + model + ".baseline=false");
        Program trial = program;
        if (!sets.isEmpty()) {
            Overrides.Result r = Overrides.apply(program, sets, registry);
            if (!r.ok()) {
                StringBuilder why = new StringBuilder("cannot apply ").append(config).append(':');
                for (Diagnostic d : r.diagnostics().all()) why.append(' ').append(d.message());
                throw new IllegalArgumentException(why.toString());
            }
            trial = r.program();
        }
        Declarations declarations = new Declarations(trial);
        Binder binder = new Binder(registry, declarations.components());
        Statement.Train train = recipe == null ? null : (Statement.Train) trial.statements().get(program.statements().indexOf(recipe));
        Bound settings = ModelSteps.trainSettings(binder, train);
        Dataset rows = data;
        if (!resource.full() && resource.kind().equals("samples"))
            rows = data.rows(java.util.stream.IntStream.range(0, Math.min(data.numRows(), resource.units())).toArray());
        CompressionSteps compression = new CompressionSteps(declarations, binder, options);
        if (replay.distill() != null) {
            Statement.Distill d = (Statement.Distill) trial.statements().get(program.statements().indexOf(replay.distill()));
            return compression.withStudentUnits(layerUnits).distill(d, replay.teacher(), rows, replay.transfer(), "trial", seed).model();
        }
        TrainedModel fitted = models.fit(declarations, binder, model, settings, rows, validation, seed, layerUnits, null,
                train == null ? program.span() : train.span(), hooks).model();
        if (replay.prune() == null) return fitted;
        if (!(fitted instanceof NetworkModel network))
            throw new IllegalArgumentException("only networks can be pruned, and " + model + " is a " + fitted.kind());
        Statement.Prune p = (Statement.Prune) trial.statements().get(program.statements().indexOf(replay.prune()));
        return compression.prune(p, network, rows, replay.validation(), "trial", seed).model();
    }

    /**
     * The refit is the script's own recipe with the best settings: a seed the recipe states (the
     * distillation's when it is replayed, else the train statement's) is kept, as scikit-learn's
     * refit keeps the estimator's random_state; otherwise the search's seed.
     */
    private static long refitSeed(Binder binder, Statement.Train recipe, Replay replay, long searchSeed) {
        Bound stated = replay.distill() != null ? binder.block("distill", Kind.STATEMENT, replay.distill().options())
                : recipe != null ? ModelSteps.trainSettings(binder, recipe) : null;
        return stated != null && stated.has("seed") ? stated.integer("seed") & 0xFFFFFFFFL : searchSeed;
    }

    private static Sampler sampler(Bound strategy, SearchSpace space, long seed) {
        return switch (strategy.name()) {
            case "random" -> new RandomSampler(space, strategy.integer("trials", 20), strategy.has("seed") ? strategy.integer("seed") : seed);
            case "tpe" -> new TpeSampler(space, strategy.integer("trials", 50), strategy.integer("startup", 10),
                    strategy.has("seed") ? strategy.integer("seed") : seed);
            case "halving", "hyperband" -> space.dimensions().stream().allMatch(d -> d.domain().enumerable())
                    ? new GridSampler(space) : new RandomSampler(space, strategy.integer("candidates", 27), seed);
            default -> new GridSampler(space);
        };
    }

    private Scheduler scheduler(Bound strategy, Statement.Train recipe, Binder binder, Dataset data) {
        if (!strategy.name().equals("halving") && !strategy.name().equals("hyperband")) return Scheduler.NONE;
        String resource = strategy.optionalWord("resource").orElse("epochs");
        double max = strategy.has("max_resource") ? strategy.number("max_resource")
                : resource.equals("samples") ? data.numRows() : ModelSteps.trainSettings(binder, recipe).integer("epochs", 10);
        double factor = strategy.number("factor", 3);
        double min = strategy.number("min_resource", 1);
        return strategy.name().equals("halving")
                ? new Scheduler.SuccessiveHalving(resource, factor, min, max, 0)
                : new Scheduler.Hyperband(resource, factor, min, max);
    }

    /** The scoring metrics, as calls: {@code accuracy}, {@code f1(average: macro)} or a list of them. */
    private static List<Expr.Call> metricCalls(Statement.Search s) {
        Expr e = s.options().get("scoring").map(org.mlopt.ast.Block.Keyed::value).orElse(null);
        List<Expr.Call> calls = new ArrayList<>();
        if (e == null) return List.of(new Expr.Call(new org.mlopt.ast.Name("accuracy", s.span()), List.of(), s.span()));
        for (Expr item : e instanceof Expr.ListLit l ? l.items() : List.of(e)) calls.add(MetricNames.call(item));
        return calls;
    }

    /**
     * Each scoring metric under the name its fold scores carry (a metric named twice is spelled out
     * the second time, as evaluate does), with its direction: given, or inferred from the metric.
     */
    private static List<ParetoFront.Objective> objectives(List<Expr.Call> scorings, Object given) {
        List<ParetoFront.Objective> out = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int i = 0; i < scorings.size(); i++) {
            Expr.Call c = scorings.get(i);
            String name = MetricNames.key(c, taken);
            taken.add(name);
            Object word = given instanceof List<?> l ? (i < l.size() ? l.get(i) : null) : given;
            Direction d = word != null ? (word.toString().equals("minimize") ? Direction.MINIMIZE : Direction.MAXIMIZE)
                    : Metrics.higherIsBetter(c.callee().text()) ? Direction.MAXIMIZE : Direction.MINIMIZE;
            out.add(new ParetoFront.Objective(name, d));
        }
        return out;
    }


    /** Cross-validation folds over the search's data. */
    private record Folds(int count, int[] foldOf, int[][] holdout) {
        int[] train(int fold) {
            return holdout != null ? holdout[0] : CrossValidation.rows(foldOf, fold, false);
        }

        int[] valid(int fold) {
            return holdout != null ? holdout[1] : CrossValidation.rows(foldOf, fold, true);
        }
    }

    /**
     * {@code cv: 5} is stratified for classification and plain k-fold for regression, as
     * scikit-learn's GridSearchCV does; {@code kfold(k)}, {@code stratified(k)} and
     * {@code holdout(fraction)} say it explicitly.
     */
    private static Folds folds(Bound call, Object plain, Dataset data, long seed) {
        boolean classification = data.task() != Task.REGRESSION;
        if (plain instanceof Double k) {
            int folds = (int) Math.round(k);
            return new Folds(folds, classification ? CrossValidation.stratifiedKFold(data.labels(), folds, false, 0)
                    : CrossValidation.kFold(data.numRows(), folds, false, 0), null);
        }
        if (call == null) return folds(null, 5.0, data, seed);
        return switch (call.name()) {
            case "holdout" -> {
                double fraction = call.number("fraction", 0.2);
                long s = call.has("seed") ? call.integer("seed") : seed;
                TrainTestSplit.Split split = classification ? TrainTestSplit.stratified(data.labels(), fraction, s)
                        : TrainTestSplit.shuffle(data.numRows(), fraction, s);
                yield new Folds(1, null, new int[][] {split.train(), split.test()});
            }
            case "kfold" -> {
                int k = call.integer("folds", 5);
                boolean shuffle = call.bool("shuffle", false);
                yield new Folds(k, CrossValidation.kFold(data.numRows(), k, shuffle, call.has("seed") ? call.integer("seed") : seed), null);
            }
            default -> {
                int k = call.integer("folds", 5);
                boolean shuffle = call.bool("shuffle", false);
                yield new Folds(k, CrossValidation.stratifiedKFold(data.labels(), k, shuffle, call.has("seed") ? call.integer("seed") : seed), null);
            }
        };
    }
}
