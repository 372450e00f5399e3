package org.mlopt.format;

import org.mlopt.parse.LexToken;
import org.mlopt.parse.TokenKind;

import java.util.ArrayList;
import java.util.List;

/** The comments of a script in source order, handed out once each as the printer passes them. */
final class CommentQueue {

    private final List<SourceComment> comments;
    private int next;

    private CommentQueue(List<SourceComment> comments) {
        this.comments = comments;
    }

    static CommentQueue of(List<LexToken> tokens) {
        List<SourceComment> out = new ArrayList<>();
        int anchorEnd = -1;
        boolean codeOnLine = false;
        for (LexToken t : tokens) {
            if (t.kind() == TokenKind.COMMENT) {
                out.add(new SourceComment(t.text().stripTrailing(), t.start(), t.end(), anchorEnd, codeOnLine));
            } else if (t.kind() == TokenKind.WHITESPACE) {
                if (t.text().indexOf('\n') >= 0) codeOnLine = false;
            } else {
                codeOnLine = true;
                if (!t.text().equals(",")) anchorEnd = t.end();
            }
        }
        return new CommentQueue(out);
    }

    /** Whether any comment, handed out or not, starts inside [from, to). */
    boolean anyWithin(int from, int to) {
        int lo = 0, hi = comments.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comments.get(mid).start() < from) lo = mid + 1;
            else hi = mid;
        }
        return lo < comments.size() && comments.get(lo).start() < to;
    }

    SourceComment peek() {
        return next < comments.size() ? comments.get(next) : null;
    }

    /** Hands out every remaining comment that starts before {@code offset}. */
    List<SourceComment> takeBefore(int offset) {
        List<SourceComment> out = new ArrayList<>();
        while (next < comments.size() && comments.get(next).start() < offset) out.add(comments.get(next++));
        return out;
    }

    SourceComment take() {
        return comments.get(next++);
    }
}
