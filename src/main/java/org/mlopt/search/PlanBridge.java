package org.mlopt.search;

import org.mlopt.ast.Expr;
import org.mlopt.ast.Name;
import org.mlopt.ast.Path;
import org.mlopt.ast.Span;
import org.mlopt.plan.Rung;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls the planner's grid enumeration ({@code org.mlopt.plan.GridEnumerator}) and halving rungs
 * ({@code org.mlopt.plan.HalvingRungs}) so that the plan a user sees and the search that runs
 * agree by construction. Those classes are package-private, so this adapter reaches them
 * reflectively; once they are public it shrinks to direct calls.
 *
 * <p>The grid is enumerated on a stand-in space whose values are the tokens {@code v0, v1, ...}
 * (each dimension's value index), so the planner's ordering and {@code when} rules apply unchanged
 * and the tokens map back to typed values exactly.
 */
final class PlanBridge {

    private static final String PLAN = "org.mlopt.plan.";

    private PlanBridge() {}

    static List<Config> grid(SearchSpace space) {
        List<Object> keys = new ArrayList<>();
        for (Dimension d : space.dimensions()) {
            if (!d.domain().enumerable())
                throw new IllegalArgumentException("search key " + d.name() + ": " + d.domain().describe()
                        + " is continuous and cannot be enumerated by a grid");
            keys.add(invoke(method("SpaceKey", "of", String.class, Expr.class), d.name(), standIn(space, d)));
        }
        Class<?> list = List.class;
        @SuppressWarnings("unchecked")
        List<Map<String, String>> candidates = (List<Map<String, String>>) invoke(method("GridEnumerator", "enumerate", list), keys);
        List<Config> out = new ArrayList<>();
        for (Map<String, String> c : candidates) {
            Map<String, Object> values = new LinkedHashMap<>();
            c.forEach((k, token) -> values.put(k, space.dimension(k).orElseThrow().domain().values()
                    .get(Integer.parseInt(token.substring(1)))));
            out.add(space.inDeclarationOrder(values));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Rung> halving(int configs, double factor, double minResource, double maxResource) {
        return (List<Rung>) invoke(method("HalvingRungs", "halving", int.class, double.class, double.class, double.class),
                configs, factor, minResource, maxResource);
    }

    @SuppressWarnings("unchecked")
    static List<Rung> hyperband(double factor, double minResource, double maxResource) {
        return (List<Rung>) invoke(method("HalvingRungs", "hyperband", double.class, double.class, double.class),
                factor, minResource, maxResource);
    }

    static int exhaustConfigs(double factor, double minResource, double maxResource) {
        return (Integer) invoke(method("HalvingRungs", "exhaustConfigs", double.class, double.class, double.class),
                factor, minResource, maxResource);
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

    private static Method method(String type, String name, Class<?>... params) {
        try {
            Method m = Class.forName(PLAN + type).getDeclaredMethod(name, params);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the planner no longer offers " + type + "." + name, e);
        }
    }

    private static Object invoke(Method m, Object... args) {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
