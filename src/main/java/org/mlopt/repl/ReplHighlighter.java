package org.mlopt.repl;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.mlopt.diag.Diagnostic;
import org.mlopt.parse.LexToken;
import org.mlopt.parse.Lexing;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;

import java.util.regex.Pattern;

/**
 * Colours the input with the language's own lexer: keywords, names, numbers, strings and
 * comments; the first syntax error of a finished statement is red and underlined.
 */
public final class ReplHighlighter implements Highlighter {

    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle NAME = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    /** The coloured buffer; usable without a reader. */
    public static AttributedString highlight(String buffer) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        if (buffer.stripLeading().startsWith(":")) {
            int end = buffer.indexOf(' ', buffer.indexOf(':'));
            if (end < 0) end = buffer.length();
            b.append(buffer.substring(0, end), COMMAND).append(buffer.substring(end));
            return b.toAttributedString();
        }
        int[] error = firstSyntaxError(buffer);
        for (LexToken t : Lexing.tokens(buffer)) {
            AttributedStyle style = switch (t.kind()) {
                case KEYWORD -> KEYWORD;
                case IDENT -> NAME;
                case NUMBER, BOOLEAN -> NUMBER;
                case STRING -> STRING;
                case COMMENT -> COMMENT;
                case ERROR -> ERROR;
                default -> AttributedStyle.DEFAULT;
            };
            if (error != null && t.start() < error[1] && t.end() > error[0] && !t.isTrivia()) style = ERROR;
            b.append(t.text(), style);
        }
        return b.toAttributedString();
    }

    /** Offsets [start, end) of the first syntax error of a finished input, or null. */
    static int[] firstSyntaxError(String buffer) {
        if (buffer.isBlank() || !Lexing.isComplete(buffer) || (ReplSession.bareName(buffer) != null && !Lexing.statementKeywords().contains(ReplSession.bareName(buffer)))) return null;
        ParseResult parsed = ScriptParser.parse("<repl>", buffer);
        for (Diagnostic d : parsed.diagnostics().sorted()) {
            if (!d.isError()) continue;
            int start = d.span().startOffset();
            return new int[] {start, Math.max(start + 1, d.span().endOffset())};
        }
        return null;
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}
