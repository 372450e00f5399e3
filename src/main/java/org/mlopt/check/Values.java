package org.mlopt.check;

import org.mlopt.ast.Expr;
import org.mlopt.schema.Range;

/** Reading literal values out of expressions, and spelling them back in messages. */
final class Values {

    private Values() {}

    /** The number an expression spells, or null when it is not a number literal. */
    static Double number(Expr e) {
        return e instanceof Expr.NumberLit n ? n.value() : null;
    }

    /** A bare word ({@code relu}) or an argument-less call ({@code relu()}) as its name; null otherwise. */
    /** A search's strategy by name: {@code grid} when unset, the callee of {@code random(trials: 20)}, or a bare word. */
    static String strategyName(Expr strategy) {
        return strategy == null ? "grid" : strategy instanceof Expr.Call c ? c.callee().text() : word(strategy);
    }

    static String word(Expr e) {
        if (e instanceof Expr.Ref r && r.path().isSimple()) return r.path().head().text();
        if (e instanceof Expr.Call c && c.args().isEmpty()) return c.callee().text();
        return null;
    }

    /** A bare word, a string, or an argument-less call, as text. */
    static String wordOrString(Expr e) {
        if (e instanceof Expr.StringLit s) return s.value();
        return word(e);
    }

    /** How a value reads in a message: its source spelling for literals, a short form otherwise. */
    static String show(Expr e) {
        if (e instanceof Expr.NumberLit n) return n.text();
        if (e instanceof Expr.StringLit s) return org.mlopt.ast.Literals.quote(s.value());
        if (e instanceof Expr.BoolLit b) return Boolean.toString(b.value());
        if (e instanceof Expr.Ref r) return r.path().toString();
        if (e instanceof Expr.Call c) return c.callee().text() + "(...)";
        if (e instanceof Expr.ListLit) return "a list";
        return "a { ... } block";
    }

    /** What kind of value an expression is, for "expected X, got Y" messages. */
    static String describe(Expr e) {
        if (e instanceof Expr.NumberLit n) return "the number " + n.text();
        if (e instanceof Expr.StringLit s) return "the string " + org.mlopt.ast.Literals.quote(s.value());
        if (e instanceof Expr.BoolLit b) return b.value() ? "true" : "false";
        if (e instanceof Expr.Ref r) return "the name '" + r.path() + "'";
        if (e instanceof Expr.Call c) return "a call of " + c.callee().text();
        if (e instanceof Expr.ListLit) return "a list";
        return "a { ... } block";
    }

    /** "lr must be > 0" / "sparsity must be in [0, 1)". */
    static String rangeRule(String name, Range range) {
        String d = range.describe();
        return name + " must be " + (d.startsWith("[") || d.startsWith("(") ? "in " : "") + d;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
