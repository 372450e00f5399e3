package org.mlopt.plan;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;

import java.util.List;
import java.util.Optional;

/** Reads settings out of checked blocks and calls; the checker has validated their types. */
final class Values {

    private Values() {}

    static Optional<Expr> get(Optional<Block> block, String key) {
        return block.flatMap(b -> b.get(key)).map(Block.Keyed::value);
    }

    static Optional<Expr> get(Block block, String key) {
        return block.get(key).map(Block.Keyed::value);
    }

    static double number(Optional<Expr> e, double fallback) {
        return e.filter(x -> x instanceof Expr.NumberLit).map(x -> ((Expr.NumberLit) x).value()).orElse(fallback);
    }

    static boolean bool(Optional<Expr> e, boolean fallback) {
        return e.filter(x -> x instanceof Expr.BoolLit).map(x -> ((Expr.BoolLit) x).value()).orElse(fallback);
    }

    /** The name of a bare name or a call's component ({@code adam} for {@code adam(lr: 1e-3)}), or a string's value. */
    static String name(Expr e) {
        if (e instanceof Expr.Ref r) return r.path().toString();
        if (e instanceof Expr.Call c) return c.callee().text();
        if (e instanceof Expr.StringLit s) return s.value();
        return ExprText.of(e);
    }

    /** A named argument of a call, or the positional one at {@code position} (-1: none). */
    static Optional<Expr> arg(Expr.Call call, String name, int position) {
        int index = 0;
        for (Expr.Arg a : call.args()) {
            if (!a.positional() && a.name().text().equals(name)) return Optional.of(a.value());
        }
        for (Expr.Arg a : call.args()) {
            if (a.positional()) {
                if (index == position) return Optional.of(a.value());
                index++;
            }
        }
        return Optional.empty();
    }

    /** Same as {@link #arg} on a value that may be a bare name (then it has no arguments). */
    static Optional<Expr> arg(Expr callOrName, String name, int position) {
        return callOrName instanceof Expr.Call c ? arg(c, name, position) : Optional.empty();
    }

    static List<Expr.Arg> args(Expr callOrName) {
        return callOrName instanceof Expr.Call c ? c.args() : List.of();
    }

    /** A nested option group ({@code finetune: { ... }}). */
    static Optional<Block> block(Optional<Expr> e) {
        return e.filter(x -> x instanceof Expr.BlockLit).map(x -> ((Expr.BlockLit) x).block());
    }
}
