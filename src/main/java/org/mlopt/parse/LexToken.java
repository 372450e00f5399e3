package org.mlopt.parse;

import org.mlopt.ast.Span;

/** One token of a script, hidden ones (comments, whitespace) included, in mlopt's own types. */
public record LexToken(TokenKind kind, String text, Span span) {

    public int start() {
        return span.startOffset();
    }

    /** Offset just past the token's last character. */
    public int end() {
        return span.startOffset() + text.length();
    }

    public boolean isTrivia() {
        return kind == TokenKind.COMMENT || kind == TokenKind.WHITESPACE;
    }
}
