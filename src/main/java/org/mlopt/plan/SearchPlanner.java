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
import java.util.OptionalLong;

/**
 * Plans a {@code search}: one FIT step per configuration and fold, a PROMOTE step between the
 * rungs of halving and Hyperband, a SEARCH step that reads every score and picks the best
 * configuration, and a REFIT of the best one on all the data. All of it forms one group.
 *
 * <p>Grid candidates are enumerated here ({@link GridEnumerator}); halving and Hyperband rungs
 * are planned by {@link RungPlanner}; random and TPE trials are
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
        cvSeed(Values.get(options, "cv"), Values.get(options, "seed")).ifPresent(seed -> settings.put("cv.seed", Long.toString(seed)));
        Replayed replayed = replayed(s, space, settings);
        FitSteps setup = new FitSteps(ctx, model, data, ctx.require(data), base, cv, shape.rows(),
                Values.get(options, "seed"), settings, space);
        setup.alsoReads().addAll(replayed.inputs());

        List<String> finalScores = new ArrayList<>();
        SearchSummary summary;
        switch (strategyName) {
            case "random", "tpe" -> summary = sampled(setup, space, strategy, strategyName, finalScores);
            case "halving" -> summary = new RungPlanner(ctx, setup).halving(strategy, finalScores);
            case "hyperband" -> summary = new RungPlanner(ctx, setup).hyperband(strategy, finalScores);
            default -> summary = grid(setup, space, finalScores);
        }
        select(s, setup, summary, space, finalScores, Values.bool(Values.get(options, "refit"), true));
    }

    private SearchSummary grid(FitSteps setup, List<SpaceKey> space, List<String> scores) {
        List<Map<String, String>> candidates = GridEnumerator.enumerate(space);
        for (int t = 0; t < candidates.size(); t++) {
            Map<String, String> c = candidates.get(t);
            Map<String, String> params = new LinkedHashMap<>();
            c.forEach((k, v) -> params.put("param." + k, v));
            scores.addAll(setup.fits("t" + (t + 1), t, 0, params, "candidate " + (t + 1), setup.costShape(c), setup.foldRows(),
                    List.of(), Map.of("candidate", render(c))));
        }
        int fits = candidates.size() * setup.cv().folds();
        return new SearchSummary("grid", candidates.size(), setup.cv().folds(), fits, 0, null, List.of(), candidates, describe(space));
    }

    private SearchSummary sampled(FitSteps setup, List<SpaceKey> space, Expr strategy, String name, List<String> scores) {
        int trials = (int) Values.number(Values.arg(strategy, "trials", 0), name.equals("tpe") ? 50 : 10);
        int startup = (int) Values.number(Values.arg(strategy, "startup", -1), 10);
        ModelShape shape = setup.expectedShape();
        Map<String, String> sampler = setup.samplerSettings(strategy);
        List<String> previous = List.of();
        for (int t = 0; t < trials; t++) {
            List<String> after = name.equals("tpe") && t >= startup ? previous : List.of();
            Map<String, String> trial = new LinkedHashMap<>(sampler);
            trial.put("trial", Integer.toString(t + 1));
            previous = setup.fits("t" + (t + 1), t, 0, trial, "trial " + (t + 1), shape, setup.foldRows(), after,
                    Map.of("candidate", name.equals("tpe") && t >= startup ? "proposed from trials 1.." + t : "sampled"));
            scores.addAll(previous);
        }
        return new SearchSummary(name, trials, setup.cv().folds(), trials * setup.cv().folds(), 0, null, List.of(), List.of(),
                describe(space));
    }

    private void select(Statement.Search s, FitSteps setup, SearchSummary summary, List<SpaceKey> space, List<String> scores,
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
            ModelShape shape = setup.expectedShape();
            String model = ctx.graph.produce(setup.model(), ArtifactKind.MODEL, setup.base().kind(), Shape.UNKNOWN);
            Map<String, String> refitSettings = new LinkedHashMap<>(setup.settings());
            ctx.graph.add(Step.of(rid, StepKind.REFIT, "refit best " + setup.model() + " on " + setup.data(),
                    refitInputs(setup, result), List.of(model), ctx.statement(), s.span(), ctx.id(""),
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

    /**
     * The seed of shuffled folds, shared by every configuration so all are scored on the same
     * folds: the cv call's own seed, else the search's, else derived (phase 3). Unshuffled folds need none.
     */
    private OptionalLong cvSeed(Optional<Expr> cv, Optional<Expr> searchSeed) {
        if (cv.isEmpty() || !Values.bool(Values.arg(cv.get(), "shuffle", -1), false)) return OptionalLong.empty();
        Optional<Expr> own = Values.arg(cv.get(), "seed", -1);
        if (own.isPresent() || searchSeed.isPresent())
            return ctx.seed(own.isPresent() ? own : searchSeed, SeedSequence.NONE, SeedSequence.NONE, SeedSequence.NONE);
        return ctx.seed(Optional.empty(), SeedSequence.NONE, SeedSequence.NONE, 3);
    }

    /** What a trial replays after training: the prune or distill statement its space tunes, and what that reads. */
    private record Replayed(List<String> inputs) {}

    /**
     * A space with {@code prune.*} keys replays the model's last prune statement in every trial,
     * one with {@code distill.*} keys its last distillation (which then replaces training): their
     * text joins the fits' settings, and a distillation's teacher and transfer set become inputs.
     */
    private Replayed replayed(Statement.Search s, List<SpaceKey> space, Map<String, String> settings) {
        String replays = SpaceKey.replayed(space);
        boolean prune = "prune".equals(replays);
        boolean distill = "distill".equals(replays);
        List<String> inputs = new ArrayList<>();
        Statement.Prune lastPrune = null;
        Statement.Distill lastDistill = null;
        for (Statement st : ctx.program.ast().statements()) {
            if (st == s) break;
            if (st instanceof Statement.Prune p && p.target().text().equals(s.target().text())) lastPrune = p;
            if (st instanceof Statement.Distill d && d.student().text().equals(s.target().text())) lastDistill = d;
        }
        if (prune && lastPrune != null) {
            settings.put("replay.prune", ExprText.of(lastPrune.options()));
            Values.block(Values.get(lastPrune.options(), "finetune")).flatMap(b -> Values.get(b, "validate"))
                    .filter(v -> v instanceof Expr.Ref).ifPresent(v -> inputs.add(ctx.require(Values.name(v))));
        }
        if (distill && lastDistill != null) {
            settings.put("replay.distill", lastDistill.teacher().text() + " -> " + lastDistill.student().text() + " "
                    + ExprText.of(lastDistill.options()));
            inputs.add(ctx.require(lastDistill.teacher().text()));
            Values.get(lastDistill.options(), "transfer").flatMap(t -> ctx.graph.current(Values.name(t))).ifPresent(inputs::add);
        }
        return new Replayed(inputs);
    }

    private static List<String> refitInputs(FitSteps setup, String result) {
        List<String> inputs = new ArrayList<>(List.of(setup.dataIn()));
        inputs.addAll(setup.alsoReads());
        inputs.add(result);
        return inputs;
    }

    static List<String> describe(List<SpaceKey> space) {
        List<String> out = new ArrayList<>();
        for (SpaceKey k : space) out.add(k.describe());
        return out;
    }

    static String render(Map<String, String> candidate) {
        List<String> parts = new ArrayList<>();
        candidate.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }


}
