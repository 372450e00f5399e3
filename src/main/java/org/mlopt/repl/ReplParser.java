package org.mlopt.repl;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import org.mlopt.parse.LexToken;
import org.mlopt.parse.Lexing;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the buffer for JLine: accepting a line whose statement is not finished (an open bracket,
 * a trailing {@code , -> : =}) throws {@link EOFError}, so the reader continues on the secondary
 * prompt; for completion, the word is the name being typed at the cursor.
 */
public final class ReplParser implements Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.strip().startsWith(":") && !Lexing.isComplete(line)) {
            List<String> open = openBrackets(line);
            String closing = open.isEmpty() ? null : closer(open.get(open.size() - 1));
            throw new EOFError(-1, cursor, "the statement continues", closing, open.size(), closing);
        }
        return new Line(line, cursor);
    }

    /** The brackets still open at the end of {@code text}, outermost first (JLine indents by their count). */
    static List<String> openBrackets(String text) {
        List<String> open = new ArrayList<>();
        for (LexToken t : Lexing.tokens(text)) {
            switch (t.text()) {
                case "{", "(", "[" -> open.add(t.text());
                case "}", ")", "]" -> { if (!open.isEmpty()) open.remove(open.size() - 1); }
                default -> { }
            }
        }
        return open;
    }

    private static String closer(String opener) {
        return switch (opener) {
            case "{" -> "}";
            case "(" -> ")";
            default -> "]";
        };
    }

    /** Where the word under the cursor starts: names, and {@code :commands} at the start of the input. */
    static int wordStart(String line, int cursor) {
        int start = cursor;
        while (start > 0 && isWordChar(line.charAt(start - 1))) start--;
        if (start > 0 && line.charAt(start - 1) == ':' && line.substring(0, start - 1).isBlank()) start--;
        return start;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** One buffer as a single word for JLine: the word under the cursor. */
    record Line(String line, int cursor) implements CompletingParsedLine {
        @Override
        public String word() {
            return line.substring(wordStart(line, cursor), cursor);
        }

        @Override
        public int wordCursor() {
            return cursor - wordStart(line, cursor);
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word());
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor();
        }

        @Override
        public int rawWordLength() {
            return word().length();
        }
    }
}
