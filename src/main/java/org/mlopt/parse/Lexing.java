package org.mlopt.parse;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.mlopt.parse.generated.MloptLexer;
import org.mlopt.parse.generated.MloptParser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lexer's view of a script for highlighters, the REPL and the formatter: every token,
 * comments and whitespace included, classified into {@link TokenKind}s. Keeps ANTLR inside
 * this package.
 */
public final class Lexing {

    /** Token types spelled as a word ({@code train}, {@code true}), indexed by type. */
    private static final boolean[] WORD_TYPES = wordTypes();
    private static final List<String> KEYWORDS = collectKeywords(false);
    private static final List<String> STATEMENT_KEYWORDS = collectKeywords(true);

    private Lexing() {}

    /**
     * All tokens of {@code text} in order, without the end-of-file token. Concatenating their
     * texts gives back {@code text}. Reserved words are {@link TokenKind#KEYWORD} except where
     * the grammar reads them as names: before {@code :}, {@code (}, {@code .} or {@code [}, and after
     * {@code .}, {@code on}, {@code fit} or {@code ->} ({@code loss: ce}, {@code optimizer: adam(...)},
     * {@code train.epochs}, {@code fit train}).
     */
    public static List<LexToken> tokens(String text) {
        MloptLexer lexer = new MloptLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> raw = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) raw.add(t);
        List<LexToken> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Token t = raw.get(i);
            out.add(new LexToken(kindOf(raw, i), t.getText(), Spans.of(t)));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Every reserved word of the lexer vocabulary except the booleans: the statement keywords and
     * the connecting words ({@code on}, {@code to}, {@code from}, {@code fit}, {@code space}), sorted.
     */
    public static List<String> keywords() {
        return KEYWORDS;
    }

    /** The words a statement can start with, read from the grammar (the first set of {@code statement}), sorted. */
    public static List<String> statementKeywords() {
        return STATEMENT_KEYWORDS;
    }

    /** The boolean literals. */
    public static List<String> booleans() {
        return List.of(literal(MloptLexer.FALSE), literal(MloptLexer.TRUE));
    }

    /**
     * Whether {@code text} could be a finished input, the REPL's continuation rule: it is not when it
     * ends inside an open {@code { ( [}, or when its last token (comments aside) is {@code ,}, {@code ->},
     * {@code :} or {@code =}. Unbalanced closing brackets and bad characters count as complete so
     * the parser gets to report them.
     */
    public static boolean isComplete(String text) {
        int depth = 0;
        LexToken last = null;
        for (LexToken t : tokens(text)) {
            if (t.isTrivia()) continue;
            last = t;
            switch (t.text()) {
                case "{", "(", "[" -> depth++;
                case "}", ")", "]" -> depth--;
                default -> { }
            }
            if (depth < 0) return true;
        }
        if (depth > 0) return false;
        if (last == null || last.kind() != TokenKind.PUNCTUATION) return true;
        return !List.of(",", "->", ":", "=").contains(last.text());
    }

    private static TokenKind kindOf(List<Token> raw, int i) {
        int type = raw.get(i).getType();
        switch (type) {
            case MloptLexer.COMMENT: return TokenKind.COMMENT;
            case MloptLexer.WS: return TokenKind.WHITESPACE;
            case MloptLexer.NUMBER: return TokenKind.NUMBER;
            case MloptLexer.STRING: return TokenKind.STRING;
            case MloptLexer.TRUE:
            case MloptLexer.FALSE: return TokenKind.BOOLEAN;
            case MloptLexer.ID: return TokenKind.IDENT;
            case MloptLexer.ERROR_CHAR:
            case MloptLexer.UNTERMINATED_STRING: return TokenKind.ERROR;
            default:
                if (type >= WORD_TYPES.length || !WORD_TYPES[type]) return TokenKind.PUNCTUATION;
                return usedAsName(raw, i) ? TokenKind.IDENT : TokenKind.KEYWORD;
        }
    }

    private static boolean usedAsName(List<Token> raw, int i) {
        int next = neighbour(raw, i, 1);
        int previous = neighbour(raw, i, -1);
        return next == MloptLexer.COLON || next == MloptLexer.LPAREN || next == MloptLexer.DOT
                || next == MloptLexer.LBRACK || previous == MloptLexer.DOT || previous == MloptLexer.ON
                || previous == MloptLexer.FIT || previous == MloptLexer.ARROW;
    }

    /** The type of the nearest non-hidden token in direction {@code step}, or EOF. */
    private static int neighbour(List<Token> raw, int i, int step) {
        for (int j = i + step; j >= 0 && j < raw.size(); j += step)
            if (raw.get(j).getChannel() == Token.DEFAULT_CHANNEL) return raw.get(j).getType();
        return Token.EOF;
    }

    private static boolean[] wordTypes() {
        boolean[] words = new boolean[MloptLexer.VOCABULARY.getMaxTokenType() + 1];
        for (int type = 1; type < words.length; type++) words[type] = isWord(type);
        return words;
    }

    private static boolean isWord(int type) {
        String literal = literal(type);
        return literal != null && literal.chars().allMatch(c -> Character.isLetter(c) || c == '_');
    }

    /** A token type's literal spelling without quotes, or null for token types without one. */
    private static String literal(int type) {
        String quoted = MloptLexer.VOCABULARY.getLiteralName(type);
        return quoted == null ? null : quoted.substring(1, quoted.length() - 1);
    }

    private static List<String> collectKeywords(boolean statementStartsOnly) {
        Vocabulary vocabulary = MloptLexer.VOCABULARY;
        IntervalSet starts = statementStarts();
        List<String> out = new ArrayList<>();
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            if (!isWord(type) || type == MloptLexer.TRUE || type == MloptLexer.FALSE) continue;
            if (statementStartsOnly && !starts.contains(type)) continue;
            out.add(literal(type));
        }
        Collections.sort(out);
        return Collections.unmodifiableList(out);
    }

    private static IntervalSet statementStarts() {
        ATN atn = MloptParser._ATN;
        return atn.nextTokens(atn.ruleToStartState[MloptParser.RULE_statement]);
    }
}
