package org.mlopt.ast;

/**
 * A region of source text. Lines and columns are 1-based; {@code endLine}/{@code endColumn} point
 * at the last character of the region (inclusive). Offsets are 0-based character offsets into
 * the source, end exclusive.
 */
public record Span(int line, int column, int endLine, int endColumn, int startOffset, int endOffset) {

    public static final Span NONE = new Span(0, 0, 0, 0, 0, 0);

    /** The smallest span covering both. */
    public Span to(Span other) {
        if (this == NONE) return other;
        if (other == NONE) return this;
        Span first = startOffset <= other.startOffset ? this : other;
        Span last = endOffset >= other.endOffset ? this : other;
        return new Span(first.line, first.column, last.endLine, last.endColumn, first.startOffset, last.endOffset);
    }

    public int length() {
        return Math.max(1, endOffset - startOffset);
    }

    @Override
    public String toString() {
        return line + ":" + column + "-" + endLine + ":" + endColumn;
    }
}
