package org.mlopt.parse;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.mlopt.ast.Program;
import org.mlopt.ast.Span;
import org.mlopt.diag.Diagnostics;
import org.mlopt.diag.ErrorCode;
import org.mlopt.diag.SourceText;
import org.mlopt.parse.generated.MloptLexer;
import org.mlopt.parse.generated.MloptParser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses mlopt source into an AST. Syntax errors are reported in words a user understands; the
 * parser recovers and keeps going so every syntax error of a script is reported at once.
 */
public final class ScriptParser {

    private ScriptParser() {}

    public static ParseResult parse(SourceText source) {
        Diagnostics diagnostics = new Diagnostics();
        MloptLexer lexer = new MloptLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        reportLexicalErrors(tokens.getTokens(), diagnostics);

        // Fast path: SLL prediction with bail-out; on failure, full LL with error recovery.
        MloptParser parser = new MloptParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        MloptParser.ProgramContext tree;
        try {
            tree = parser.program();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new FriendlyErrors(diagnostics));
            tree = parser.program();
        }
        if (diagnostics.hasErrors()) return new ParseResult(source, null, diagnostics);
        Program program = new AstBuilder(diagnostics).program(source.name(), tree);
        return new ParseResult(source, diagnostics.hasErrors() ? null : program, diagnostics);
    }

    public static ParseResult parse(String name, String text) {
        return parse(new SourceText(name, text));
    }

    private static void reportLexicalErrors(List<Token> tokens, Diagnostics diagnostics) {
        for (Token t : tokens) {
            if (t.getType() == MloptLexer.ERROR_CHAR)
                diagnostics.error(ErrorCode.E102, Spans.of(t), "unexpected character " + describeChar(t.getText()));
            else if (t.getType() == MloptLexer.UNTERMINATED_STRING)
                diagnostics.error(ErrorCode.E103, Spans.of(t), "string is missing its closing quote",
                        "help: strings end on the line they start on; close it with \"");
        }
    }

    private static String describeChar(String c) {
        if (c.equals(";")) return "';' (statements need no semicolons)";
        if (c.equals("\\")) return "'\\' (escapes belong inside strings)";
        int cp = c.codePointAt(0);
        return cp < 0x20 || cp > 0x7e ? String.format("U+%04X", cp) : "'" + c + "'";
    }

    /** Rewrites ANTLR's messages ("mismatched input ... expecting {...}") into plain sentences. */
    private static final class FriendlyErrors extends BaseErrorListener {
        private final Diagnostics diagnostics;

        FriendlyErrors(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col, String msg,
                                RecognitionException e) {
            Token t = (Token) offendingSymbol;
            // Bad characters and unterminated strings were already reported by the lexical pass.
            if (t != null && (t.getType() == MloptLexer.ERROR_CHAR || t.getType() == MloptLexer.UNTERMINATED_STRING)) return;
            IntervalSet expected = expected((Parser) recognizer, e);
            Span span = t == null ? new Span(line, col + 1, line, col + 1, 0, 1) : Spans.of(t);
            String found = describe(t);
            String message;
            if (msg.startsWith("missing")) message = "missing " + Expectations.describe(expected) + " before " + found;
            else if (expected == null || expected.isNil()) message = "unexpected " + found;
            else message = "unexpected " + found + "; expected " + Expectations.describe(expected);
            diagnostics.error(ErrorCode.E101, span, message, Expectations.hint(t, expected));
        }

        private static IntervalSet expected(Parser parser, RecognitionException e) {
            try {
                if (e != null && e.getExpectedTokens() != null) return e.getExpectedTokens();
                return parser.getExpectedTokens();
            } catch (RuntimeException ignored) {
                return null;
            }
        }

        private static String describe(Token t) {
            if (t == null) return "input";
            if (t.getType() == Token.EOF) return "end of file";
            if (t.getType() == MloptLexer.NUMBER) return "number " + t.getText();
            if (t.getType() == MloptLexer.STRING) return "string " + t.getText();
            if (t.getType() == MloptLexer.ID) return "name '" + t.getText() + "'";
            return "'" + t.getText() + "'";
        }
    }

    /** Names token sets the way a user thinks of them. */
    static final class Expectations {
        private static final Set<Integer> STATEMENT_STARTS = Set.of(MloptLexer.DATA, MloptLexer.SPLIT, MloptLexer.PREPROCESS,
                MloptLexer.MODEL, MloptLexer.NETWORK, MloptLexer.LOSS, MloptLexer.OPTIMIZER, MloptLexer.REGULARIZER,
                MloptLexer.SCHEDULE, MloptLexer.TRAIN, MloptLexer.EVALUATE, MloptLexer.SEARCH, MloptLexer.PRUNE,
                MloptLexer.DISTILL, MloptLexer.SAVE, MloptLexer.LOAD, MloptLexer.REPORT);

        static String describe(IntervalSet set) {
            if (set == null || set.isNil()) return "something else";
            List<Integer> types = set.toList();
            List<String> parts = new ArrayList<>();
            Set<Integer> covered = new LinkedHashSet<>();
            if (types.contains(MloptLexer.NUMBER) && types.contains(MloptLexer.STRING)) {
                parts.add("a value");
                covered.addAll(List.of(MloptLexer.NUMBER, MloptLexer.STRING, MloptLexer.TRUE, MloptLexer.FALSE,
                        MloptLexer.MINUS, MloptLexer.LBRACK, MloptLexer.LBRACE));
                covered.addAll(identTokens());
            }
            if (types.containsAll(STATEMENT_STARTS)) {
                parts.add("a statement (data, split, model, network, train, evaluate, search, ...)");
                covered.addAll(STATEMENT_STARTS);
            }
            if (types.contains(MloptLexer.ID) && !covered.contains(MloptLexer.ID)) {
                parts.add("a name");
                covered.addAll(identTokens());
            }
            for (int type : types) {
                if (covered.contains(type)) continue;
                if (type == Token.EOF) parts.add("end of file");
                else {
                    String literal = MloptParser.VOCABULARY.getLiteralName(type);
                    parts.add(literal != null ? literal : MloptParser.VOCABULARY.getSymbolicName(type).toLowerCase());
                }
            }
            if (parts.size() > 5) return String.join(", ", parts.subList(0, 5)) + " or something else";
            if (parts.size() <= 1) return parts.isEmpty() ? "something else" : parts.get(0);
            return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
        }

        static String[] hint(Token t, IntervalSet expected) {
            if (t == null) return new String[0];
            if (t.getType() == MloptLexer.EQ)
                return new String[] {"help: block entries and arguments are written 'name: value'"};
            if (expected != null && expected.contains(MloptLexer.RBRACE) && t.getType() == Token.EOF)
                return new String[] {"help: a '{' was opened but never closed"};
            return new String[0];
        }

        private static Set<Integer> identTokens() {
            Set<Integer> s = new LinkedHashSet<>(STATEMENT_STARTS);
            s.addAll(List.of(MloptLexer.ID, MloptLexer.FIT, MloptLexer.ON, MloptLexer.TO, MloptLexer.FROM, MloptLexer.SPACE));
            return s;
        }
    }
}
