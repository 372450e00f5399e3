package org.mlopt.search;

import org.mlopt.ast.Expr;
import org.mlopt.ast.Name;
import org.mlopt.ast.Path;
import org.mlopt.ast.Span;
import org.mlopt.plan.GridEnumerator;
import org.mlopt.plan.HalvingRungs;
import org.mlopt.plan.Rung;
import org.mlopt.plan.SpaceKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls the planner's grid enumeration ({@code org.mlopt.plan.GridEnumerator}) and halving rungs
 * ({@code org.mlopt.plan.HalvingRungs}) so that the plan a user sees and the search that runs
 * agree by construction.
 *
 * <p>The grid is enumerated on a stand-in space whose values are the tokens {@code v0, v1, ...}
 * (each dimension's value index), so the planner's ordering and {@code when} rules apply unchanged
 * and the tokens map back to typed values exactly.
 */
final class PlanBridge {

    private PlanBridge() {}

    static List<Config> grid(SearchSpace space) {
        List<SpaceKey> keys = new ArrayList<>();
        for (Dimension d : space.dimensions()) {
            if (!d.domain().enumerable())
                throw new IllegalArgumentException("search key " + d.name() + ": " + d.domain().describe()
                        + " is continuous and cannot be enumerated by a grid");
            keys.add(SpaceKey.of(d.name(), standIn(space, d)));
        }
        List<Map<String, String>> candidates = GridEnumerator.enumerate(keys);
        List<Config> out = new ArrayList<>();
        for (Map<String, String> c : candidates) {
            Map<String, Object> values = new LinkedHashMap<>();
            c.forEach((k, token) -> values.put(k, space.dimension(k).orElseThrow().domain().values()
                    .get(Integer.parseInt(token.substring(1)))));
            out.add(space.inDeclarationOrder(values));
        }
        return out;
    }

    static List<Rung> halving(int configs, double factor, double minResource, double maxResource) {
        return HalvingRungs.halving(configs, factor, minResource, maxResource);
    }

    static List<Rung> hyperband(double factor, double minResource, double maxResource) {
        return HalvingRungs.hyperband(factor, minResource, maxResource);
    }

    static int exhaustConfigs(double factor, double minResource, double maxResource) {
        return HalvingRungs.exhaustConfigs(factor, minResource, maxResource);
    }

    /** {@code [v0, v1, ...]}, wrapped in {@code when(other: [vi, ...], ...)} for a conditional dimension. */
    private static Expr standIn(SearchSpace space, Dimension d) {
        Expr values = tokens(d.domain().values().size());
        if (!d.conditional()) return values;
        List<Expr.Arg> args = new ArrayList<>();
        d.when().forEach((other, accepted) -> {
            List<Object> otherValues = space.dimension(other).orElseThrow().domain().values();
            List<Expr> items = new ArrayList<>();
            for (Object a : accepted)
                for (int i = 0; i < otherValues.size(); i++)
                    if (ConfigValues.same(otherValues.get(i), a)) items.add(token("v" + i));
            if (items.isEmpty()) items.add(token("none"));
            args.add(new Expr.Arg(new Name(other, Span.NONE), new Expr.ListLit(items, Span.NONE), Span.NONE));
        });
        args.add(new Expr.Arg(null, values, Span.NONE));
        return new Expr.Call(new Name("when", Span.NONE), args, Span.NONE);
    }

    private static Expr tokens(int n) {
        List<Expr> items = new ArrayList<>();
        for (int i = 0; i < n; i++) items.add(token("v" + i));
        return new Expr.ListLit(items, Span.NONE);
    }

    private static Expr token(String word) {
        Name name = new Name(word, Span.NONE);
        return new Expr.Ref(new Path(List.of(new Path.Segment(name, null, Span.NONE)), Span.NONE), Span.NONE);
    }
}
