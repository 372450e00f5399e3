package org.mlopt.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.mlopt.ast.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts between mlopt's positions and LSP's. mlopt spans are 1-based, end-inclusive and count
 * code points (the lexer reads code points); LSP positions are 0-based, end-exclusive and count
 * UTF-16 units. {@link #range(Span)} is the only place a span becomes an LSP range.
 */
final class LineIndex {

    private final String text;
    /** UTF-16 index where each line starts; lines end at '\n'. */
    private final int[] lineStarts;

    LineIndex(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The LSP range of a span; {@link Span#NONE} becomes the empty range at the top of the file. */
    Range range(Span span) {
        if (span.line() <= 0) return new Range(new Position(0, 0), new Position(0, 0));
        Position start = position(span.line(), span.column());
        Position end = position(span.endLine(), span.endColumn() + 1);
        boolean endBeforeStart = end.getLine() < start.getLine()
                || (end.getLine() == start.getLine() && end.getCharacter() < start.getCharacter());
        return new Range(start, endBeforeStart ? start : end);
    }

    /** The code-point offset of an LSP position, clamped to the text. */
    int offset(Position p) {
        if (p.getLine() >= lineStarts.length) return text.codePointCount(0, text.length());
        int line = Math.max(0, Math.min(p.getLine(), lineStarts.length - 1));
        int index = Math.min(lineStarts[line] + Math.max(0, p.getCharacter()), lineEnd(line));
        return text.codePointCount(0, index);
    }

    /** The LSP position of a code-point offset, clamped to the text. */
    Position position(int offset) {
        int index = text.offsetByCodePoints(0, Math.max(0, Math.min(offset, text.codePointCount(0, text.length()))));
        int line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= index) line++;
        return new Position(line, index - lineStarts[line]);
    }

    /** The position just past the last character. */
    Position end() {
        int last = lineStarts.length - 1;
        return new Position(last, text.length() - lineStarts[last]);
    }

    /** The position of a 1-based line and 1-based code-point column, clamped to the line's end. */
    private Position position(int line1, int column1) {
        int line = Math.max(0, Math.min(line1 - 1, lineStarts.length - 1));
        int start = lineStarts[line];
        int end = lineEnd(line);
        int index = start;
        for (int c = 1; c < column1 && index < end; c++) index += Character.charCount(text.codePointAt(index));
        return new Position(line, index - start);
    }

    /** UTF-16 index of the end of a line, before its '\n'. */
    private int lineEnd(int line) {
        return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
    }
}
