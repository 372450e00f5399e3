package org.mlopt.check;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Name;
import org.mlopt.ast.Path;
import org.mlopt.ast.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves a value parsed from somewhere else (a {@code --set} override) onto one span of the
 * script, so diagnostics about it point at the place in the script it replaces.
 */
final class Respan implements Expr.Visitor<Expr> {

    private final Span span;

    private Respan(Span span) {
        this.span = span;
    }

    static Expr to(Expr e, Span span) {
        return e.accept(new Respan(span));
    }

    private Name name(Name n) {
        return n == null ? null : new Name(n.text(), span);
    }

    private Path path(Path p) {
        List<Path.Segment> segs = new ArrayList<>();
        for (Path.Segment s : p.segments()) segs.add(new Path.Segment(name(s.name()), s.index(), span));
        return new Path(segs, span);
    }

    private Block block(Block b) {
        List<Block.Entry> entries = new ArrayList<>();
        for (Block.Entry e : b.entries()) {
            if (e instanceof Block.Keyed k) entries.add(new Block.Keyed(path(k.key()), k.value().accept(this), span));
            else if (e instanceof Block.Bare bare) entries.add(new Block.Bare((Expr.Call) bare.call().accept(this), span));
            else if (e instanceof Block.Space s) entries.add(new Block.Space(name(s.keyword()), block(s.block()), span));
        }
        return new Block(entries, span);
    }

    public Expr visitNumber(Expr.NumberLit n) { return new Expr.NumberLit(n.value(), n.text(), span); }

    public Expr visitString(Expr.StringLit s) { return new Expr.StringLit(s.value(), span); }

    public Expr visitBool(Expr.BoolLit b) { return new Expr.BoolLit(b.value(), span); }

    public Expr visitRef(Expr.Ref r) { return new Expr.Ref(path(r.path()), span); }

    public Expr visitCall(Expr.Call c) {
        List<Expr.Arg> args = new ArrayList<>();
        for (Expr.Arg a : c.args()) args.add(new Expr.Arg(name(a.name()), a.value().accept(this), span));
        return new Expr.Call(name(c.callee()), args, span);
    }

    public Expr visitList(Expr.ListLit l) {
        List<Expr> items = new ArrayList<>();
        for (Expr e : l.items()) items.add(e.accept(this));
        return new Expr.ListLit(items, span);
    }

    public Expr visitBlock(Expr.BlockLit b) { return new Expr.BlockLit(block(b.block()), span); }
}
