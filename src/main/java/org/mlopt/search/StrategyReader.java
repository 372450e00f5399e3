package org.mlopt.search;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;

import java.util.Optional;

/**
 * Turns a search statement's {@code strategy:} value and {@code median_stop:} block into a
 * {@link Sampler} and {@link Scheduler}: {@code grid}, {@code random(trials: 10, seed)},
 * {@code tpe(trials: 50, startup: 10, seed)}, {@code halving(factor: 3, min_resource, resource,
 * max_resource, candidates)} (over the grid when the space is discrete, else random draws) and
 * {@code hyperband(factor: 3, min_resource, max_resource, resource)} (random draws). Defaults follow
 * the strategy schemas; resource bounds the script leaves out come from the caller, who knows the
 * data and the model.
 */
public final class StrategyReader {

    private StrategyReader() {}

    /** A sampler with its scheduler. */
    public record Strategy(Sampler sampler, Scheduler scheduler) {}

    /**
     * The budget defaults the runtime derives from the data and model.
     *
     * @param resource     {@code epochs} (networks) or {@code samples}
     * @param minResource  first-rung resource when {@code min_resource} is absent
     * @param maxResource  full resource (the model's epochs or the fold's training rows) when {@code max_resource} is absent
     */
    public record ResourceDefaults(String resource, double minResource, double maxResource) {}

    /**
     * @param strategy the {@code strategy:} value ({@code grid} or a call); null means grid
     * @param seed     the search's seed, used when the strategy names none
     */
    public static Strategy read(Expr strategy, SearchSpace space, long seed, ResourceDefaults defaults) {
        try {
            return build(strategy, space, seed, defaults);
        } catch (SpaceException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SpaceException(e.getMessage(), strategy == null ? org.mlopt.ast.Span.NONE : strategy.span());
        }
    }

    private static Strategy build(Expr strategy, SearchSpace space, long seed, ResourceDefaults defaults) {
        String name = strategy == null ? "grid" : strategy instanceof Expr.Call c ? c.callee().text()
                : strategy instanceof Expr.Ref r ? r.path().toString() : "";
        Expr.Call call = strategy instanceof Expr.Call c ? c : null;
        long samplerSeed = number(call, "seed", -1).map(Double::longValue).orElse(seed);
        switch (name) {
            case "grid":
                return new Strategy(new GridSampler(space), Scheduler.NONE);
            case "random":
                return new Strategy(new RandomSampler(space, integer(call, "trials", 0, 10), samplerSeed), Scheduler.NONE);
            case "tpe":
                return new Strategy(new TpeSampler(space, integer(call, "trials", 0, 50), integer(call, "startup", -1, 10), samplerSeed),
                        Scheduler.NONE);
            case "halving": {
                String resource = word(call, "resource").orElse(defaults.resource());
                Sampler sampler = space.enumerable() ? new GridSampler(space) : new RandomSampler(space, 1, samplerSeed);
                return new Strategy(sampler, new Scheduler.SuccessiveHalving(resource, number(call, "factor", -1).orElse(3.0),
                        number(call, "min_resource", -1).orElse(defaults.minResource()),
                        number(call, "max_resource", -1).orElse(defaults.maxResource()), integer(call, "candidates", -1, 0)));
            }
            case "hyperband": {
                String resource = word(call, "resource").orElse(defaults.resource());
                return new Strategy(new RandomSampler(space, 1, samplerSeed), new Scheduler.Hyperband(resource,
                        number(call, "factor", -1).orElse(3.0), number(call, "min_resource", -1).orElse(defaults.minResource()),
                        number(call, "max_resource", -1).orElse(defaults.maxResource())));
            }
            default:
                throw new SpaceException("unknown search strategy " + name + " (grid, random, halving, hyperband, tpe)",
                        strategy.span());
        }
    }

    /** {@code median_stop: { warmup: 5, min_trials: 5 }}; defaults as Optuna's MedianPruner (0 warm-up steps, 5 trials). */
    public static MedianStoppingRule medianStop(Block block) {
        int warmup = 0, minTrials = 5;
        for (Block.Keyed k : block.keyed()) {
            String key = k.key().toString();
            if (!(k.value() instanceof Expr.NumberLit n) || n.value() != Math.rint(n.value()))
                throw new SpaceException("median_stop: " + key + " must be a whole number", k.value().span());
            if (key.equals("warmup")) warmup = (int) n.value();
            else if (key.equals("min_trials")) minTrials = (int) n.value();
            else throw new SpaceException("median_stop has warmup and min_trials, not " + key, k.span());
        }
        try {
            return new MedianStoppingRule(warmup, minTrials);
        } catch (IllegalArgumentException e) {
            throw new SpaceException(e.getMessage(), block.span());
        }
    }

    private static Optional<Expr> arg(Expr.Call call, String name, int position) {
        if (call == null) return Optional.empty();
        for (Expr.Arg a : call.args()) if (!a.positional() && a.name().text().equals(name)) return Optional.of(a.value());
        int seen = 0;
        for (Expr.Arg a : call.args())
            if (a.positional()) {
                if (seen == position) return Optional.of(a.value());
                seen++;
            }
        return Optional.empty();
    }

    private static Optional<Double> number(Expr.Call call, String name, int position) {
        Optional<Expr> e = arg(call, name, position);
        if (e.isEmpty()) return Optional.empty();
        if (e.get() instanceof Expr.NumberLit n) return Optional.of(n.value());
        throw new SpaceException(call.callee().text() + ": " + name + " must be a number", e.get().span());
    }

    private static int integer(Expr.Call call, String name, int position, int fallback) {
        double v = number(call, name, position).orElse((double) fallback);
        if (v != Math.rint(v)) throw new SpaceException(call.callee().text() + ": " + name + " must be a whole number", call.span());
        return (int) v;
    }

    private static Optional<String> word(Expr.Call call, String name) {
        Optional<Expr> e = arg(call, name, -1);
        if (e.isEmpty()) return Optional.empty();
        if (e.get() instanceof Expr.Ref r) return Optional.of(r.path().toString());
        if (e.get() instanceof Expr.StringLit s) return Optional.of(s.value());
        throw new SpaceException(call.callee().text() + ": " + name + " must be epochs or samples", e.get().span());
    }
}
