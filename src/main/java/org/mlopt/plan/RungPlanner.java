package org.mlopt.plan;

import org.mlopt.ast.Expr;
import org.mlopt.check.DatasetInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Plans successive halving and Hyperband: every rung's fits ({@link HalvingRungs}) with a
 * PROMOTE step between rungs that keeps the best configurations; the next rung's fits read the
 * survivors. The resource is epochs (networks by default) or training samples.
 */
final class RungPlanner {

    private final PlanContext ctx;
    private final FitSteps setup;

    RungPlanner(PlanContext ctx, FitSteps setup) {
        this.ctx = ctx;
        this.setup = setup;
    }

    SearchSummary halving(Expr strategy, List<String> scores) {
        Resource r = Resource.of(strategy, setup, ctx);
        Optional<Expr> candidatesArg = Values.arg(strategy, "candidates", -1);
        int configs;
        List<Map<String, String>> grid = List.of();
        if (candidatesArg.isPresent()) configs = (int) Values.number(candidatesArg, 1);
        else if (!setup.space().isEmpty() && setup.space().stream().allMatch(SpaceKey::enumerable)) {
            grid = GridEnumerator.enumerate(setup.space());
            configs = grid.size();
        } else configs = HalvingRungs.exhaustConfigs(r.factor(), r.min(), r.max());
        List<Rung> rungs = HalvingRungs.halving(configs, r.factor(), r.min(), r.max());
        int fits = runRungs(strategy, rungs, r, scores, "", grid);
        return new SearchSummary("halving", configs, setup.cv().folds(), fits, 0, r.kind(), rungs, grid, SearchPlanner.describe(setup.space()));
    }

    SearchSummary hyperband(Expr strategy, List<String> scores) {
        Resource r = Resource.of(strategy, setup, ctx);
        List<Rung> rungs = HalvingRungs.hyperband(r.factor(), r.min(), r.max());
        int fits = 0, configs = 0;
        int brackets = rungs.isEmpty() ? 0 : rungs.get(rungs.size() - 1).bracket() + 1;
        for (int b = 0; b < brackets; b++) {
            List<Rung> bracket = new ArrayList<>();
            for (Rung rung : rungs) if (rung.bracket() == b) bracket.add(rung);
            configs += bracket.get(0).configs();
            fits += runRungs(strategy, bracket, r, scores, "b" + (b + 1) + ".", List.of());
        }
        return new SearchSummary("hyperband", configs, setup.cv().folds(), fits, 0, r.kind(), rungs, List.of(), SearchPlanner.describe(setup.space()));
    }

    /**
     * Fits every rung, promoting survivors between rungs; adds the last rung's scores to {@code scores}.
     * With a {@code grid}, the first rung's configurations are its candidates, in order.
     */
    private int runRungs(Expr strategy, List<Rung> rungs, Resource r, List<String> scores, String prefix,
                         List<Map<String, String>> grid) {
        ModelShape expected = setup.expectedShape();
        Map<String, String> sampler = setup.samplerSettings(strategy);
        List<String> survivors = List.of();
        int fits = 0;
        for (Rung rung : rungs) {
            String rungId = prefix + "r" + (rung.index() + 1);
            List<String> rungScores = new ArrayList<>();
            int rows = r.kind().equals("epochs") ? setup.foldRows() : (int) Math.min(rung.resource(), setup.foldRows() < 0 ? rung.resource() : setup.foldRows());
            for (int c = 0; c < rung.configs(); c++) {
                boolean candidate = rung.index() == 0 && c < grid.size();
                Map<String, String> trial = new LinkedHashMap<>(candidate ? Map.of() : sampler);
                if (candidate) grid.get(c).forEach((k, v) -> trial.put("param." + k, v));
                ModelShape shape = candidate ? setup.costShape(grid.get(c)) : expected;
                if (r.kind().equals("epochs")) shape = shape.withIterations(rung.resource());
                trial.put("bracket", Integer.toString(rung.bracket() + 1));
                trial.put("rung", Integer.toString(rung.index() + 1));
                trial.put("config", Integer.toString(c + 1));
                trial.put("resource", r.kind() + "=" + PlanFormat.number(rung.resource()));
                Map<String, String> details = new LinkedHashMap<>();
                details.put("rung", (rung.index() + 1) + " of " + rungs.size());
                details.put(r.kind(), PlanFormat.number(rung.resource()));
                rungScores.addAll(setup.fits(rungId + ".c" + (c + 1), c, 1000L * rung.bracket() + rung.index(), trial,
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

    /** The resource halving and Hyperband grow per rung, and its bounds. */
    private record Resource(String kind, double factor, double min, double max) {
        static Resource of(Expr strategy, FitSteps setup, PlanContext ctx) {
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
