package org.mlopt.parse;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.mlopt.ast.Span;

/** The one place where ANTLR's 0-based columns become mlopt's 1-based ones. */
final class Spans {

    private Spans() {}

    static Span of(Token t) {
        String text = t.getText() == null ? "" : t.getText();
        int len = t.getType() == Token.EOF ? 1 : Math.max(1, t.getStopIndex() - t.getStartIndex() + 1);
        int endCol = t.getCharPositionInLine() + len;
        int lines = count(text, '\n');
        if (lines > 0) endCol = text.length() - text.lastIndexOf('\n') - 1;
        int start = Math.max(0, t.getStartIndex());
        return new Span(t.getLine(), t.getCharPositionInLine() + 1, t.getLine() + lines, Math.max(1, endCol),
                start, start + len);
    }

    static Span of(ParserRuleContext ctx) {
        Token stop = ctx.getStop() == null || ctx.getStop().getTokenIndex() < ctx.getStart().getTokenIndex()
                ? ctx.getStart() : ctx.getStop();
        return of(ctx.getStart()).to(of(stop));
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }
}
