package org.mlopt.lsp;

import org.mlopt.parse.LexToken;
import org.mlopt.parse.Lexing;
import org.mlopt.parse.TokenKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts a token list into top-level statements without parsing: a statement starts at a statement
 * keyword outside any bracket and runs to the next one. Comments and whitespace are dropped.
 */
final class TopLevelStatements {

    static final Set<String> STATEMENT_KEYWORDS = Set.copyOf(Lexing.statementKeywords());

    private TopLevelStatements() {}

    static List<List<LexToken>> split(List<LexToken> tokens) {
        List<List<LexToken>> out = new ArrayList<>();
        List<LexToken> current = null;
        int depth = 0;
        for (LexToken t : tokens) {
            if (t.isTrivia()) continue;
            if (depth <= 0 && startsStatement(t)) {
                current = new ArrayList<>();
                out.add(current);
                depth = 0;
            }
            if (current == null) continue;
            current.add(t);
            switch (t.text()) {
                case "{", "(", "[" -> depth++;
                case "}", ")", "]" -> depth--;
                default -> { }
            }
        }
        return out;
    }

    static boolean startsStatement(LexToken t) {
        return t.kind() == TokenKind.KEYWORD && STATEMENT_KEYWORDS.contains(t.text());
    }

    /** The statement's tokens spelled with single spaces, short enough for a hover. */
    static String text(List<LexToken> statement) {
        StringBuilder b = new StringBuilder();
        for (LexToken t : statement) {
            boolean tight = t.text().equals(":") || t.text().equals(",") || t.text().equals(")") || t.text().equals("]")
                    || t.text().equals(".") || t.text().equals("(");
            String last = b.length() == 0 ? "" : b.substring(b.length() - 1);
            boolean afterOpen = last.equals("(") || last.equals("[") || last.equals(".");
            if (b.length() > 0 && !tight && !afterOpen) b.append(' ');
            b.append(t.text());
            if (b.length() > 400) return b.append(" …").toString();
        }
        return b.toString();
    }
}
