package org.mlopt.plan;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Literals;

import java.util.StringJoiner;

/** Canonical source text of a value, used for display and as a step setting (cache key part). */
final class ExprText implements Expr.Visitor<String> {

    private static final ExprText INSTANCE = new ExprText();

    private ExprText() {}

    static String of(Expr e) {
        return e == null ? "" : e.accept(INSTANCE);
    }

    static String of(Block b) {
        StringJoiner out = new StringJoiner(" ", "{", "}");
        for (Block.Entry e : b.entries()) {
            if (e instanceof Block.Keyed k) out.add(k.key() + ": " + of(k.value()));
            else if (e instanceof Block.Bare bare) out.add(of(bare.call()));
            else if (e instanceof Block.Space s) out.add("space " + of(s.block()));
        }
        return out.toString();
    }

    public String visitNumber(Expr.NumberLit n) { return n.text(); }

    public String visitString(Expr.StringLit s) { return Literals.quote(s.value()); }

    public String visitBool(Expr.BoolLit b) { return Boolean.toString(b.value()); }

    public String visitRef(Expr.Ref r) { return r.path().toString(); }

    public String visitCall(Expr.Call c) {
        StringJoiner args = new StringJoiner(", ", c.callee().text() + "(", ")");
        for (Expr.Arg a : c.args()) args.add((a.positional() ? "" : a.name().text() + ": ") + of(a.value()));
        return args.toString();
    }

    public String visitList(Expr.ListLit l) {
        StringJoiner items = new StringJoiner(", ", "[", "]");
        for (Expr e : l.items()) items.add(of(e));
        return items.toString();
    }

    public String visitBlock(Expr.BlockLit b) { return of(b.block()); }
}
