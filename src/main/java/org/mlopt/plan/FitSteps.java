package org.mlopt.plan;

import org.mlopt.ast.Expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the fits of one search share (the model, the data, cross-validation, the settings every
 * fit's cache key includes) and how one configuration becomes one FIT step per fold.
 */
final class FitSteps {

    private final PlanContext ctx;
    private final String model;
    private final String data;
    private final String dataIn;
    private final ModelShape base;
    private final CrossValidation cv;
    private final int rows;
    private final Optional<Expr> seed;
    private final Map<String, String> settings;
    private final List<SpaceKey> space;
    private final List<String> stepIds = new ArrayList<>();
    private final List<String> alsoReads = new ArrayList<>();

    FitSteps(PlanContext ctx, String model, String data, String dataIn, ModelShape base, CrossValidation cv, int rows,
             Optional<Expr> seed, Map<String, String> settings, List<SpaceKey> space) {
        this.ctx = ctx;
        this.model = model;
        this.data = data;
        this.dataIn = dataIn;
        this.base = base;
        this.cv = cv;
        this.rows = rows;
        this.seed = seed;
        this.settings = settings;
        this.space = space;
    }

    String model() { return model; }

    String data() { return data; }

    String dataIn() { return dataIn; }

    ModelShape base() { return base; }

    CrossValidation cv() { return cv; }

    /** Training rows of the largest fold. */
    int foldRows() { return cv.trainRows(rows); }

    Optional<Expr> seed() { return seed; }

    Map<String, String> settings() { return settings; }

    List<SpaceKey> space() { return space; }

    /** Artifacts every fit reads besides the data: a replayed distillation's teacher and transfer set. */
    List<String> alsoReads() { return alsoReads; }

    /** Ids of the search's steps, in order, for its group. */
    List<String> stepIds() { return stepIds; }

    /**
     * One FIT per fold of one configuration ({@code params}: its settings, already keyed); each
     * fold trains on its own training rows, at most {@code rowCap} (a sample budget). Returns the score artifacts.
     */
    List<String> fits(String trialId, long trial, long phase, Map<String, String> params, String label,
                       ModelShape shape, int rowCap, List<String> after, Map<String, String> details) {
        List<String> scores = new ArrayList<>();
        int folds = cv.folds();
        for (int f = 0; f < folds; f++) {
            String id = ctx.id(trialId + ".f" + (f + 1));
            int foldRows = cv.trainRows(this.rows, f);
            int fitRows = foldRows < 0 ? -1 : Math.min(foldRows, rowCap);
            Map<String, String> fit = new LinkedHashMap<>(settings);
            fit.putAll(params);
            fit.put("fold", (f + 1) + "/" + folds);
            String out = ctx.graph.internal(id + ".scores", ArtifactKind.SCORES, "scores", Shape.UNKNOWN);
            List<String> inputs = new ArrayList<>(List.of(dataIn));
            inputs.addAll(alsoReads);
            inputs.addAll(after);
            ctx.graph.add(Step.of(id, StepKind.FIT, "fit " + label + ", fold " + (f + 1) + "/" + folds, inputs, List.of(out),
                    ctx.statement(), ctx.span(), ctx.id(""), ctx.seed(seed, trial, f, phase), fit,
                    new StepAttributes(new Shape(fitRows, shape.inputs()), shape.parameters(), 1, shape.fit(fitRows), details)));
            stepIds.add(id);
            scores.add(out);
        }
        return scores;
    }

    Map<String, String> samplerSettings(Expr strategy) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<Expr> own = Values.arg(strategy, "seed", -1);
        Optional<Expr> explicit = own.isPresent() ? own : seed;
        out.put("sampler.space", String.join("; ", SearchPlanner.describe(space)));
        out.put("sampler.seed", Long.toString(ctx.seed(explicit, SeedSequence.NONE, SeedSequence.NONE, SeedSequence.NONE).getAsLong()));
        return out;
    }

    /** The model as a grid candidate changes it: layer widths, epochs, iteration limits. */
    ModelShape costShape(Map<String, String> values) {
        ModelShape shape = base;
        for (Map.Entry<String, String> e : values.entrySet()) {
            try {
                shape = override(shape, model, e.getKey(), Double.parseDouble(e.getValue().replace("_", "")));
            } catch (NumberFormatException ignored) {
                // a non-numeric value (a penalty name) does not change the cost
            }
        }
        return shape;
    }

    /** The model at the mean of each numeric space key, to cost sampled trials. */
    ModelShape expectedShape() {
        ModelShape shape = base;
        for (SpaceKey k : space) {
            OptionalDouble mean = k.conditional() ? OptionalDouble.empty() : k.expected();
            if (mean.isPresent()) shape = override(shape, model, k.key(), mean.getAsDouble());
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
}
