package org.mlopt.format;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Node;

/**
 * Which constructs stay on one line. A block stays inline when it has at most
 * {@value #MAX_INLINE_ENTRIES} entries, each {@code key: value} with a literal or a name as value,
 * and no comment inside; a call or a list breaks into one item per line only when a comment sits
 * inside it or one of its items must break.
 */
final class Layout {

    static final int MAX_INLINE_ENTRIES = 3;

    private final CommentQueue comments;

    Layout(CommentQueue comments) {
        this.comments = comments;
    }

    boolean inline(Block b) {
        if (b.entries().size() > MAX_INLINE_ENTRIES || hasComment(b)) return false;
        for (Block.Entry e : b.entries())
            if (!(e instanceof Block.Keyed k) || !simple(k.value())) return false;
        return true;
    }

    boolean breaks(Expr e) {
        if (e instanceof Expr.BlockLit b) return !inline(b.block());
        if (e instanceof Expr.Call c) {
            if (hasComment(c)) return true;
            for (Expr.Arg a : c.args()) if (breaks(a.value())) return true;
            return false;
        }
        if (e instanceof Expr.ListLit l) {
            if (hasComment(l)) return true;
            for (Expr item : l.items()) if (breaks(item)) return true;
        }
        return false;
    }

    private static boolean simple(Expr e) {
        return e instanceof Expr.NumberLit || e instanceof Expr.StringLit || e instanceof Expr.BoolLit
                || e instanceof Expr.Ref;
    }

    private boolean hasComment(Node n) {
        return comments.anyWithin(n.span().startOffset(), n.span().endOffset());
    }
}
