package org.mlopt.format;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Node;
import org.mlopt.parse.LexToken;

import java.util.List;

/**
 * Which constructs stay on one line. A block stays inline when it has at most
 * {@value #MAX_INLINE_ENTRIES} entries, each {@code key: value} with a literal or a name as value,
 * and no comment inside; a call or a list breaks into one item per line only when a comment sits
 * inside it or one of its items must break.
 */
final class Layout {

    static final int MAX_INLINE_ENTRIES = 3;

    private final CommentQueue comments;
    private final List<LexToken> tokens;

    Layout(CommentQueue comments, List<LexToken> tokens) {
        this.comments = comments;
        this.tokens = tokens;
    }

    /** Offset just past a call's {@code (}; a comment between the name and it is not inside the call. */
    int openParenEnd(Expr.Call c) {
        return tokenEndAfter("(", c.callee().span().endOffset());
    }

    /** End offset of the first {@code punctuation} token at or after {@code from}. */
    int tokenEndAfter(String punctuation, int from) {
        int lo = 0, hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < from) lo = mid + 1;
            else hi = mid;
        }
        for (int i = lo; i < tokens.size(); i++) if (tokens.get(i).text().equals(punctuation)) return tokens.get(i).end();
        throw new IllegalStateException("no '" + punctuation + "' after offset " + from);
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
            if (comments.anyWithin(openParenEnd(c), c.span().endOffset())) return true;
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
