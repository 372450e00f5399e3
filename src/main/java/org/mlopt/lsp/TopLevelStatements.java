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
    static final int MAX_LINES = 12;

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

    /** A statement's source text as written, cut after {@value #MAX_LINES} lines. */
    static String source(String text, List<LexToken> statement) {
        int start = text.offsetByCodePoints(0, statement.get(0).start());
        LexToken last = statement.get(statement.size() - 1);
        int end = Math.min(text.length(), text.offsetByCodePoints(0, last.start()) + last.text().length());
        String[] lines = text.substring(start, end).split("\n", -1);
        if (lines.length <= MAX_LINES) return String.join("\n", lines);
        return String.join("\n", java.util.Arrays.asList(lines).subList(0, MAX_LINES)) + "\n  ...";
    }
}
