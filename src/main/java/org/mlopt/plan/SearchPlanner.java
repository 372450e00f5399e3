package org.mlopt.plan;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Statement;
import org.mlopt.check.DatasetInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Plans a {@code search}: one FIT step per configuration and fold, a PROMOTE step between the
 * rungs of halving and Hyperband, a SEARCH step that reads every score and picks the best
 * configuration, and a REFIT of the best one on all the data. All of it forms one group.
 *
 * <p>Grid candidates are enumerated here ({@link GridEnumerator}); random and TPE trials are
 * placeholders that the runtime samples from (sampler seed, trial). TPE trials after the startup
 * ones read the previous trial's scores, which orders them; the others are independent.
 */
final class SearchPlanner {

    /** Plans with more fits than this get a warning. */
    static final int MANY_FITS = 1000;

    private final PlanContext ctx;

    SearchPlanner(PlanContext ctx) {
        this.ctx = ctx;
    }

    /** Everything the fits of one search share. */
    private record Setup(String model, String data, String dataIn, ModelShape base, CrossValidation cv, int foldRows,
                         Optional<Expr> seed, Map<String, String> settings, List<String> stepIds) {}

    void plan(Statement.Search s) {
        String model = s.target().text();
        String data = s.dataset().text();
        Block options = s.options();
        List<SpaceKey> space = options.space().map(sp -> SpaceKey.parse(sp.block())).orElse(List.of());
        Expr strategy = Values.get(options, "strategy").orElse(null);
        String strategyName = strategy == null ? "grid" : Values.name(strategy);
        DatasetInfo info = ctx.dataset(data);
        boolean classification = info != null && info.task() != null && info.task().isClassification();
        CrossValidation cv = CrossValidation.of(Values.get(options, "cv"), classification);
        Shape shape = ctx.shape(data);
        double epochs = ctx.epochs(model, Optional.empty());
        ModelShape base = ctx.model(model, data, epochs);
        if (!base.isNetwork() && base.solver() == CostModel.LinearSolver.GRADIENT_DESCENT) base = base.withIterations(epochs);

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model", ctx.modelText(model));
        ctx.trainOf(model).flatMap(Statement.Train::options).ifPresent(b -> {
            settings.put("train", ExprText.of(b));
            ctx.referencedDeclarations(Optional.of(b), settings);
        });
        for (Block.Keyed k : options.keyed())
            if (!k.key().toString().equals("parallel")) settings.put("search." + k.key(), ExprText.of(k.value()));
        settings.put("cv", cv.description());
        Setup setup = new Setup(model, data, ctx.graph.current(data).orElseThrow(), base, cv, cv.trainRows(shape.rows()),
                Values.get(options, "seed"), settings, new ArrayList<>());

        List<String> finalScores = new ArrayList<>();
        SearchSummary summary;
        switch (strategyName) {
            case "random", "tpe" -> summary = sampled(setup, space, strategy, strategyName, finalScores);
            case "halving" -> summary = halving(setup, space, strategy, finalScores);
            case "hyperband" -> summary = hyperband(setup, space, strategy, finalScores);
            default -> summary = grid(setup, space, finalScores);
        }
        select(s, setup, summary, space, finalScores, Values.bool(Values.get(options, "refit"), true));
    }

    private SearchSummary grid(Setup setup, List<SpaceKey> space, List<String> scores) {
        List<Map<String, String>> candidates = GridEnumerator.enumerate(space);
        for (int t = 0; t < candidates.size(); t++) {
            Map<String, String> c = candidates.get(t);
            Map<String, String> params = new LinkedHashMap<>();
            c.forEach((k, v) -> params.put("param." + k, v));
            scores.addAll(fits(setup, "t" + (t + 1), t, 0, params, "candidate " + (t + 1), costShape(setup, c), setup.foldRows(),
                    List.of(), Map.of("candidate", render(c))));
        }
        int fits = candidates.size() * setup.cv().folds();
        return new SearchSummary("grid", candidates.size(), setup.cv().folds(), fits, 0, null, List.of(), candidates, describe(space));
    }

    private SearchSummary sampled(Setup setup, List<SpaceKey> space, Expr strategy, String name, List<String> scores) {
        int trials = (int) Values.number(Values.arg(strategy, "trials", 0), name.equals("tpe") ? 50 : 10);
        int startup = (int) Values.number(Values.arg(strategy, "startup", -1), 10);
        ModelShape shape = expectedShape(setup, space);
        Map<String, String> sampler = samplerSettings(setup, strategy);
        List<String> previous = List.of();
        for (int t = 0; t < trials; t++) {
            List<String> after = name.equals("tpe") && t >= startup ? previous : List.of();
            Map<String, String> trial = new LinkedHashMap<>(sampler);
            trial.put("trial", Integer.toString(t + 1));
            previous = fits(setup, "t" + (t + 1), t, 0, trial, "trial " + (t + 1), shape, setup.foldRows(), after,
                    Map.of("candidate", name.equals("tpe") && t >= startup ? "proposed from trials 1.." + t : "sampled"));
            scores.addAll(previous);
        }
        return new SearchSummary(name, trials, setup.cv().folds(), trials * setup.cv().folds(), 0, null, List.of(), List.of(),
                describe(space));
    }

    private SearchSummary halving(Setup setup, List<SpaceKey> space, Expr strategy, List<String> scores) {
        Resource r = Resource.of(strategy, setup, ctx);
        OptionalDouble fixed = OptionalDouble.empty();
        Optional<Expr> candidatesArg = Values.arg(strategy, "candidates", -1);
        int configs;
        List<Map<String, String>> grid = List.of();
        if (candidatesArg.isPresent()) configs = (int) Values.number(candidatesArg, 1);
        else if (!space.isEmpty() && space.stream().allMatch(SpaceKey::enumerable)) {
            grid = GridEnumerator.enumerate(space);
            configs = grid.size();
        } else configs = HalvingRungs.exhaustConfigs(r.factor(), r.min(), r.max());
        List<Rung> rungs = HalvingRungs.halving(configs, r.factor(), r.min(), r.max());
        int fits = runRungs(setup, space, strategy, rungs, r, scores, "");
        return new SearchSummary("halving", configs, setup.cv().folds(), fits, 0, r.kind(), rungs, grid, describe(space));
    }

    private SearchSummary hyperband(Setup setup, List<SpaceKey> space, Expr strategy, List<String> scores) {
        Resource r = Resource.of(strategy, setup, ctx);
        List<Rung> rungs = HalvingRungs.hyperband(r.factor(), r.min(), r.max());
        int fits = 0, configs = 0;
        int brackets = rungs.isEmpty() ? 0 : rungs.get(rungs.size() - 1).bracket() + 1;
        for (int b = 0; b < brackets; b++) {
            List<Rung> bracket = new ArrayList<>();
            for (Rung rung : rungs) if (rung.bracket() == b) bracket.add(rung);
            configs += bracket.get(0).configs();
            fits += runRungs(setup, space, strategy, bracket, r, scores, "b" + (b + 1) + ".");
        }
        return new SearchSummary("hyperband", configs, setup.cv().folds(), fits, 0, r.kind(), rungs, List.of(), describe(space));
    }

    /** Fits every rung, promoting survivors between rungs; adds the last rung's scores to {@code scores}. */
    private int runRungs(Setup setup, List<SpaceKey> space, Expr strategy, List<Rung> rungs, Resource r,
                         List<String> scores, String prefix) {
        ModelShape expected = expectedShape(setup, space);
        Map<String, String> sampler = samplerSettings(setup, strategy);
        List<String> survivors = List.of();
        int fits = 0;
        for (Rung rung : rungs) {
            String rungId = prefix + "r" + (rung.index() + 1);
            List<String> rungScores = new ArrayList<>();
            ModelShape shape = r.kind().equals("epochs") ? expected.withIterations(rung.resource()) : expected;
            int rows = r.kind().equals("epochs") ? setup.foldRows() : (int) Math.min(rung.resource(), setup.foldRows() < 0 ? rung.resource() : setup.foldRows());
            for (int c = 0; c < rung.configs(); c++) {
                Map<String, String> trial = new LinkedHashMap<>(sampler);
                trial.put("bracket", Integer.toString(rung.bracket() + 1));
                trial.put("rung", Integer.toString(rung.index() + 1));
                trial.put("config", Integer.toString(c + 1));
                trial.put("resource", r.kind() + "=" + PlanFormat.number(rung.resource()));
                Map<String, String> details = new LinkedHashMap<>();
                details.put("rung", (rung.index() + 1) + " of " + rungs.size());
                details.put(r.kind(), PlanFormat.number(rung.resource()));
                rungScores.addAll(fits(setup, rungId + ".c" + (c + 1), c, 1000L * rung.bracket() + rung.index(), trial,
                        "config " + (c + 1) + " of rung " + (rung.index() + 1), shape, rows, survivors, details));
            }
            fits += rung.configs() * setup.cv().folds();
            if (rung.index() == rungs.size() - 1) {
                scores.addAll(rungScores);
                break;
            }
            String id = ctx.id(rungId + ".promote");
            String out = ctx.graph.internal(id + ".survivors", ArtifactKind.SURVIVORS, "configurations kept", Shape.UNKNOWN);
            int keep = rungs.get(rung.index() + 1).configs();
            ctx.graph.add(Step.of(id, StepKind.PROMOTE, "keep best " + keep + " of " + rung.configs(), rungScores, List.of(out),
                    ctx.statement(), ctx.span(), ctx.id(""), OptionalLong.empty(), Map.of("keep", Integer.toString(keep)),
                    new StepAttributes(Shape.UNKNOWN, -1, 0, 0, Map.of())));
            setup.stepIds().add(id);
            survivors = List.of(out);
        }
        return fits;
    }

    /** One FIT per fold of one configuration ({@code params}: its settings, already keyed); returns the score artifacts. */
    private List<String> fits(Setup setup, String trialId, long trial, long phase, Map<String, String> params, String label,
                              ModelShape shape, int rows, List<String> after, Map<String, String> details) {
        List<String> scores = new ArrayList<>();
        int folds = setup.cv().folds();
        for (int f = 0; f < folds; f++) {
            String id = ctx.id(trialId + ".f" + (f + 1));
            Map<String, String> settings = new LinkedHashMap<>(setup.settings());
            settings.putAll(params);
            settings.put("fold", (f + 1) + "/" + folds);
            String out = ctx.graph.internal(id + ".scores", ArtifactKind.SCORES, "scores", Shape.UNKNOWN);
            List<String> inputs = new ArrayList<>(List.of(setup.dataIn()));
            inputs.addAll(after);
            ctx.graph.add(Step.of(id, StepKind.FIT, "fit " + label + ", fold " + (f + 1) + "/" + folds, inputs, List.of(out),
                    ctx.statement(), ctx.span(), ctx.id(""), ctx.seed(setup.seed(), trial, f, phase), settings,
                    new StepAttributes(new Shape(rows, shape.inputs()), shape.parameters(), 1, shape.fit(rows), details)));
            setup.stepIds().add(id);
            scores.add(out);
        }
        return scores;
    }

    private void select(Statement.Search s, Setup setup, SearchSummary summary, List<SpaceKey> space, List<String> scores,
                        boolean refit) {
        String id = ctx.id("select");
        String result = ctx.graph.internal(ctx.id("result"), ArtifactKind.SEARCH_RESULT, "trials and best configuration", Shape.UNKNOWN);
        Map<String, String> settings = new LinkedHashMap<>(setup.settings());
        settings.put("space", String.join("; ", describe(space)));
        ctx.graph.add(Step.of(id, StepKind.SEARCH, "select best of " + summary.candidates() + " by "
                        + Values.get(s.options(), "scoring").map(ExprText::of).orElse("default score"),
                scores, List.of(result), ctx.statement(), s.span(), ctx.id(""), OptionalLong.empty(), settings,
                new StepAttributes(Shape.UNKNOWN, -1, 0, 0, Map.of())));
        setup.stepIds().add(id);
        int refits = 0;
        if (refit) {
            refits = 1;
            String rid = ctx.id("refit");
            Shape full = ctx.shape(setup.data());
            ModelShape shape = expectedShape(setup, space);
            String model = ctx.graph.produce(setup.model(), ArtifactKind.MODEL, setup.base().kind(), Shape.UNKNOWN);
            Map<String, String> refitSettings = new LinkedHashMap<>(setup.settings());
            ctx.graph.add(Step.of(rid, StepKind.REFIT, "refit best " + setup.model() + " on " + setup.data(),
                    List.of(setup.dataIn(), result), List.of(model), ctx.statement(), s.span(), ctx.id(""),
                    ctx.seed(setup.seed(), SeedSequence.NONE, SeedSequence.NONE, 1), refitSettings,
                    new StepAttributes(full, shape.parameters(), 1, shape.fit(full.rows()), Map.of())));
            setup.stepIds().add(rid);
            ctx.setModel(setup.model(), setup.base());
        }
        SearchSummary done = new SearchSummary(summary.strategy(), summary.candidates(), summary.folds(), summary.fits(), refits,
                summary.resource(), summary.rungs(), summary.grid(), summary.space());
        ctx.graph.group(new StepGroup(ctx.id(""), "search " + setup.model() + " on " + setup.data(), ctx.statement(), s.span(),
                setup.stepIds(), done));
        if (done.fits() > MANY_FITS)
            ctx.graph.warn(ctx.id("") + ": search " + setup.model() + " on " + setup.data() + " runs "
                    + PlanFormat.count(done.fits()) + " fits (more than " + PlanFormat.count(MANY_FITS) + ")");
    }

    private Map<String, String> samplerSettings(Setup setup, Expr strategy) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<Expr> own = Values.arg(strategy, "seed", -1);
        Optional<Expr> explicit = own.isPresent() ? own : setup.seed();
        out.put("sampler.seed", Long.toString(ctx.seed(explicit, SeedSequence.NONE, SeedSequence.NONE, SeedSequence.NONE).getAsLong()));
        return out;
    }

    /** The model as a grid candidate changes it: layer widths, epochs, iteration limits. */
    private ModelShape costShape(Setup setup, Map<String, String> values) {
        ModelShape shape = setup.base();
        for (Map.Entry<String, String> e : values.entrySet()) {
            try {
                shape = override(shape, setup.model(), e.getKey(), Double.parseDouble(e.getValue().replace("_", "")));
            } catch (NumberFormatException ignored) {
                // a non-numeric value (a penalty name) does not change the cost
            }
        }
        return shape;
    }

    /** The model at the mean of each numeric space key, to cost sampled trials. */
    private ModelShape expectedShape(Setup setup, List<SpaceKey> space) {
        ModelShape shape = setup.base();
        for (SpaceKey k : space) {
            OptionalDouble mean = k.conditional() ? OptionalDouble.empty() : k.expected();
            if (mean.isPresent()) shape = override(shape, setup.model(), k.key(), mean.getAsDouble());
        }
        return shape;
    }

    private static ModelShape override(ModelShape shape, String model, String key, double value) {
        if (key.equals("train.epochs") || (!shape.isNetwork() && key.equals("max_iter"))) return shape.withIterations(value);
        String dense = model + ".dense[";
        if (key.startsWith(dense) && key.endsWith("]")) {
            try {
                return shape.withLayer(Integer.parseInt(key.substring(dense.length(), key.length() - 1)), (int) Math.round(value));
            } catch (NumberFormatException e) {
                return shape;
            }
        }
        return shape;
    }

    private static List<String> describe(List<SpaceKey> space) {
        List<String> out = new ArrayList<>();
        for (SpaceKey k : space) out.add(k.describe());
        return out;
    }

    static String render(Map<String, String> candidate) {
        List<String> parts = new ArrayList<>();
        candidate.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    /** The resource halving and Hyperband grow per rung, and its bounds. */
    private record Resource(String kind, double factor, double min, double max) {
        static Resource of(Expr strategy, Setup setup, PlanContext ctx) {
            String kind = Values.arg(strategy, "resource", -1).map(Values::name)
                    .orElse(setup.base().isNetwork() ? "epochs" : "samples");
            double factor = Values.number(Values.arg(strategy, "factor", -1), 3);
            DatasetInfo info = ctx.dataset(setup.data());
            int classes = info == null || info.task() == null || !info.task().isClassification() ? 1 : info.classes().size();
            // scikit-learn's min_resources='smallest' for samples: 2 * n_splits (* n_classes for classifiers).
            double defaultMin = kind.equals("epochs") ? 1 : 2.0 * Math.max(2, setup.cv().folds()) * classes;
            double min = Values.number(Values.arg(strategy, "min_resource", -1), defaultMin);
            double max = Values.number(Values.arg(strategy, "max_resource", -1),
                    kind.equals("epochs") ? setup.base().iterations() : setup.foldRows());
            if (max < min) {
                max = min * factor * factor * factor;
                ctx.graph.warn(ctx.id("") + ": the maximum " + kind + " per configuration is unknown; planned with "
                        + PlanFormat.number(max) + " (set max_resource)");
            }
            return new Resource(kind, factor, min, max);
        }
    }
}
