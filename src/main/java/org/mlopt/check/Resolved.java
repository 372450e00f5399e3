package org.mlopt.check;

import org.mlopt.ast.Expr;
import org.mlopt.ast.Node;
import org.mlopt.schema.Component;
import org.mlopt.schema.Param;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A component use the checker has matched against its schema: which component, and which
 * expression each given parameter got (positional arguments already mapped to their names).
 *
 * A declared name used as a component ({@code loss: ce}) resolves to its declaration's use.
 *
 * @param at the node the use was written as: the call, the bare name, or a declared name's reference
 */
public record Resolved(Component component, Map<String, Expr> args, Node at) {

    public Resolved {
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    public String name() {
        return component.name();
    }

    /** The given expression for a parameter, or null when it was left at its default. */
    public Expr arg(String param) {
        return args.get(param);
    }

    /** A numeric parameter's value: given, else its default, else {@code fallback}. */
    public double number(String param, double fallback) {
        Double v = Values.number(args.get(param));
        if (v != null) return v;
        Object d = component.param(param).map(Param::defaultValue).orElse(null);
        return d instanceof Double x ? x : fallback;
    }

    /** A word-valued parameter (choice or bare component name): given, else its default, else {@code fallback}. */
    public String word(String param, String fallback) {
        Expr e = args.get(param);
        if (e != null) {
            String w = Values.wordOrString(e);
            return w != null ? w : (e instanceof Expr.Call c ? c.callee().text() : fallback);
        }
        Object d = component.param(param).map(Param::defaultValue).orElse(null);
        return d instanceof String s ? s : d instanceof Boolean b ? b.toString() : fallback;
    }

    public boolean flag(String param, boolean fallback) {
        Expr e = args.get(param);
        if (e instanceof Expr.BoolLit b) return b.value();
        Object d = component.param(param).map(Param::defaultValue).orElse(null);
        return d instanceof Boolean b ? b : fallback;
    }

    /** Where to point at a parameter: its value when given, else the whole use. */
    public org.mlopt.ast.Span spanOf(String param) {
        Expr e = args.get(param);
        return e != null ? e.span() : at.span();
    }
}
