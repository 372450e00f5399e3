package org.mlopt.lsp;

import org.mlopt.parse.LexToken;

import java.util.List;

/** The name token at a position, and the significant token after it. */
record WordAt(LexToken word, LexToken next) {

    /** The word covering code-point {@code offset} (a cursor just after a word counts), or null. */
    static WordAt find(List<LexToken> tokens, int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            LexToken t = tokens.get(i);
            if (t.start() > offset) break;
            if (offset <= t.end() && Declarations.isWord(t)) return new WordAt(t, nextSignificant(tokens, i));
        }
        return null;
    }

    boolean nextIs(String text) {
        return next != null && next.text().equals(text);
    }

    private static LexToken nextSignificant(List<LexToken> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) if (!tokens.get(j).isTrivia()) return tokens.get(j);
        return null;
    }
}
