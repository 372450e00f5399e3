package org.mlopt.format;

import java.util.ArrayList;
import java.util.List;

/** The formatted text as lines, each with its indent and an optional trailing comment. */
final class OutputLines {

    static final String INDENT = "  ";
    static final String BEFORE_TRAILING_COMMENT = "  ";

    private static final class Line {
        final int indent;
        /** A line that starts by closing a bracket: comments above it belong inside the brackets. */
        final boolean closing;
        final StringBuilder text = new StringBuilder();
        String trailing;

        Line(int indent, boolean closing) {
            this.indent = indent;
            this.closing = closing;
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private Line current;

    void open(int indent) {
        current = new Line(indent, false);
        lines.add(current);
    }

    /** Opens the line of a closing {@code ) ] }}, one level out from the items above it. */
    void openClosing(int indent) {
        current = new Line(indent, true);
        lines.add(current);
    }

    void append(String text) {
        current.text.append(text);
    }

    void trailing(String comment) {
        current.trailing = comment;
    }

    /** Puts a comment on its own line just above the line being written. */
    void insertAbove(String comment) {
        Line line = new Line(current.closing ? current.indent + 1 : current.indent, false);
        line.text.append(comment);
        lines.add(lines.indexOf(current), line);
    }

    /** One empty line, never two in a row and never at the top. */
    void blank() {
        if (lines.isEmpty() || lines.get(lines.size() - 1).text.length() == 0) return;
        lines.add(new Line(0, false));
    }

    /**
     * The text. Trailing comments on adjacent lines at the same indent line up, two spaces after
     * the longest code among them, as a column of comments reads as one.
     */
    String render() {
        int[] commentColumn = new int[lines.size()];
        for (int start = 0; start < lines.size(); ) {
            int end = start;
            if (lines.get(start).trailing != null)
                while (end + 1 < lines.size() && lines.get(end + 1).trailing != null
                        && lines.get(end + 1).indent == lines.get(start).indent) end++;
            int column = 0;
            for (int i = start; i <= end; i++) column = Math.max(column, codeWidth(lines.get(i)));
            for (int i = start; i <= end; i++) commentColumn[i] = column + BEFORE_TRAILING_COMMENT.length();
            start = end + 1;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.text.length() > 0) out.append(INDENT.repeat(line.indent)).append(line.text);
            if (line.trailing != null)
                out.append(" ".repeat(commentColumn[i] - codeWidth(line))).append(line.trailing);
            out.append('\n');
        }
        return out.toString();
    }

    private static int codeWidth(Line line) {
        return line.text.length() == 0 ? 0 : INDENT.length() * line.indent + line.text.length();
    }
}
