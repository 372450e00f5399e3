package org.mlopt.repl;

import org.mlopt.ast.Span;
import org.mlopt.diag.Diagnostic;
import org.mlopt.diag.SourceText;

import java.util.ArrayList;
import java.util.List;

/**
 * A session's statements joined into one script, remembering where each piece came from so a
 * diagnostic found in the joined script can be shown against the text the user typed.
 */
final class SessionScript {

    /**
     * One statement of the script.
     *
     * @param text       the statement's text (with its leading comments)
     * @param declares   the names it declares
     * @param inputStart where it starts in the input being entered, or -1 for an earlier entry
     */
    record Piece(String text, List<String> declares, int inputStart) {
        Piece {
            declares = List.copyOf(declares);
        }

        boolean fromInput() {
            return inputStart >= 0;
        }

        Piece accepted() {
            return new Piece(text, declares, -1);
        }
    }

    /** Where a span should be shown: the source to render against and the span within it. */
    record Located(SourceText source, Span span) {}

    private final List<Piece> pieces;
    private final int[] starts;
    private final String text;

    SessionScript(List<Piece> pieces) {
        this.pieces = List.copyOf(pieces);
        this.starts = new int[pieces.size()];
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            starts[i] = b.length();
            b.append(pieces.get(i).text()).append('\n');
        }
        this.text = b.toString();
    }

    String text() {
        return text;
    }

    List<Piece> pieces() {
        return pieces;
    }

    /**
     * Maps a span of the joined script: into {@code typed} when it lies in a piece of the input,
     * else left in the joined script, shown as {@code session}.
     */
    Located locate(Span span, SourceText typed, SourceText session) {
        if (span == null || span.line() <= 0) return new Located(typed, span == null ? Span.NONE : span);
        for (int i = pieces.size() - 1; i >= 0; i--) {
            if (span.startOffset() < starts[i]) continue;
            Piece p = pieces.get(i);
            if (!p.fromInput()) break;
            int delta = starts[i] - p.inputStart();
            return new Located(typed, shift(span, delta, typed.text()));
        }
        return new Located(session, span);
    }

    Diagnostic relocate(Diagnostic d, Located where) {
        return new Diagnostic(d.severity(), d.code(), where.span(), d.message(), d.notes());
    }

    /** The span moved back by {@code delta} characters, with lines and columns recomputed in {@code text}. */
    static Span shift(Span s, int delta, String text) {
        int start = clamp(s.startOffset() - delta, text);
        int end = Math.max(start, clamp(s.endOffset() - delta, text));
        int[] from = lineColumn(text, start);
        int[] to = lineColumn(text, Math.max(start, end - 1));
        return new Span(from[0], from[1], to[0], to[1], start, end);
    }

    private static int clamp(int offset, String text) {
        return Math.max(0, Math.min(offset, text.length()));
    }

    /** 1-based line and column of a character offset. */
    static int[] lineColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    static List<Piece> acceptedCopy(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>();
        for (Piece p : pieces) out.add(p.accepted());
        return out;
    }
}
