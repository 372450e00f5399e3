package org.mlopt.search;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a script's {@code space { ... }} block into a {@link SearchSpace}. A list literal is a
 * grid list; calls are {@code choice(v...)}, {@code uniform(low, high)}, {@code loguniform(low, high)},
 * {@code randint(low, high)} (high exclusive), {@code quniform(low, high, q)} and
 * {@code when(key: value | [values], ..., primitive)}. Arguments may be positional or named
 * ({@code low:}, {@code high:}, {@code q:}). Words ({@code l2}) and strings become {@link String}
 * values, numbers {@link Double}, booleans {@link Boolean}.
 */
public final class SpaceReader {

    private SpaceReader() {}

    public static SearchSpace read(Block space) {
        List<Dimension> dims = new ArrayList<>();
        for (Block.Entry e : space.entries()) {
            if (!(e instanceof Block.Keyed k)) throw new SpaceException("a search space holds only key: value entries", e.span());
            dims.add(dimension(k.key().toString(), k.value()));
        }
        try {
            return new SearchSpace(dims);
        } catch (SpaceException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SpaceException(e.getMessage(), space.span());
        }
    }

    static Dimension dimension(String key, Expr value) {
        if (value instanceof Expr.Call c && c.callee().text().equals("when")) {
            Map<String, List<Object>> when = new LinkedHashMap<>();
            Expr inner = null;
            for (Expr.Arg a : c.args()) {
                if (!a.positional()) when.put(a.name().text(), conditionValues(a.value()));
                else if (inner == null) inner = a.value();
                else throw new SpaceException("when(...) takes one space primitive after its conditions", a.span());
            }
            if (inner == null || when.isEmpty())
                throw new SpaceException("when(...) needs at least one condition (key: value) and a space primitive", c.span());
            return new Dimension(key, domain(key, inner), when);
        }
        return new Dimension(key, domain(key, value), Map.of());
    }

    private static List<Object> conditionValues(Expr e) {
        if (e instanceof Expr.ListLit l) {
            List<Object> out = new ArrayList<>();
            for (Expr item : l.items()) out.add(literal(item));
            return out;
        }
        return List.of(literal(e));
    }

    private static Domain domain(String key, Expr e) {
        try {
            if (e instanceof Expr.ListLit l) {
                List<Object> items = new ArrayList<>();
                for (Expr item : l.items()) items.add(literal(item));
                return new Domain.GridValues(items);
            }
            if (!(e instanceof Expr.Call c)) return new Domain.GridValues(List.of(literal(e)));
            String name = c.callee().text();
            switch (name) {
                case "choice": {
                    List<Object> items = new ArrayList<>();
                    for (Expr.Arg a : c.args()) items.add(literal(a.value()));
                    return new Domain.Choice(items);
                }
                case "uniform":
                    return new Domain.Uniform(number(c, "low", 0), number(c, "high", 1));
                case "loguniform":
                    return new Domain.LogUniform(number(c, "low", 0), number(c, "high", 1));
                case "randint":
                    return new Domain.RandInt(integer(c, "low", 0), integer(c, "high", 1));
                case "quniform":
                    return new Domain.QUniform(number(c, "low", 0), number(c, "high", 1), number(c, "q", 2));
                default:
                    throw new SpaceException("search key " + key + ": " + name + "(...) is not a space primitive "
                            + "(choice, uniform, loguniform, randint, quniform, when)", c.span());
            }
        } catch (SpaceException x) {
            throw x;
        } catch (IllegalArgumentException x) {
            throw new SpaceException("search key " + key + ": " + x.getMessage(), e.span());
        }
    }

    private static Object literal(Expr e) {
        if (e instanceof Expr.NumberLit n) return n.value();
        if (e instanceof Expr.StringLit s) return s.value();
        if (e instanceof Expr.BoolLit b) return b.value();
        if (e instanceof Expr.Ref r) return r.path().toString();
        throw new SpaceException("a search value must be a number, word, string or boolean", e.span());
    }

    private static Expr argument(Expr.Call c, String name, int position) {
        int seen = 0;
        for (Expr.Arg a : c.args()) {
            if (!a.positional() && a.name().text().equals(name)) return a.value();
        }
        for (Expr.Arg a : c.args()) {
            if (a.positional()) {
                if (seen == position) return a.value();
                seen++;
            }
        }
        throw new SpaceException(c.callee().text() + "(...) needs " + name, c.span());
    }

    private static double number(Expr.Call c, String name, int position) {
        Expr e = argument(c, name, position);
        if (e instanceof Expr.NumberLit n) return n.value();
        throw new SpaceException(c.callee().text() + "(...): " + name + " must be a number", e.span());
    }

    private static long integer(Expr.Call c, String name, int position) {
        double v = number(c, name, position);
        if (v != Math.rint(v)) throw new SpaceException(c.callee().text() + "(...): " + name + " must be an integer", argument(c, name, position).span());
        return (long) v;
    }
}
