package org.mlopt.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.mlopt.ast.Span;
import org.mlopt.diag.Diagnostic;
import org.mlopt.parse.LexToken;
import org.mlopt.parse.Lexing;
import org.mlopt.parse.ScriptParser;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** mlopt spans (1-based, end-inclusive, code points) against LSP ranges (0-based, end-exclusive, UTF-16). */
class LineIndexTest {

    @Test
    void oneLineSpanBecomesAnEndExclusiveRange() {
        LineIndex lines = new LineIndex("model m = ridge()\n");
        // "ridge" is columns 11..15 (1-based, inclusive).
        assertEquals(range(0, 10, 0, 15), lines.range(new Span(1, 11, 1, 15, 10, 15)));
    }

    @Test
    void multiLineSpanEndsAfterItsLastCharacter() {
        String text = "network n {\n  dense(2)\n}\n";
        LineIndex lines = new LineIndex(text);
        assertEquals(range(0, 0, 2, 1), lines.range(ScriptParser.parse("t", text).program().statements().get(0).span()));
    }

    @Test
    void columnsAfterAnAstralCharacterCountUtf16Units() {
        // U+1D706 is one code point (what mlopt's columns count) and two UTF-16 units (what LSP counts).
        String text = "loss ce = mse()\ndata d = csv(\"\uD835\uDF06.csv\", target: \"y\")\n";
        LineIndex lines = new LineIndex(text);
        LexToken target = Lexing.tokens(text).stream().filter(t -> t.text().equals("target")).findFirst().orElseThrow();
        assertEquals(23, target.span().column(), "1-based code-point column");
        assertEquals(range(1, 23, 1, 29), lines.range(target.span()));
        assertEquals(target.start(), lines.offset(new Position(1, 23)));
        assertEquals(new Position(1, 23), lines.position(target.start()));
    }

    @Test
    void errorAtEndOfFileStaysInsideTheText() {
        String text = "optimizer o = adam(lr: 1";
        Diagnostic d = ScriptParser.parse("t", text).diagnostics().sorted().get(0);
        Range r = new LineIndex(text).range(d.span());
        assertEquals(0, r.getStart().getLine());
        assertEquals(text.length(), r.getEnd().getCharacter());
    }

    @Test
    void noSpanIsTheTopOfTheFile() {
        assertEquals(range(0, 0, 0, 0), new LineIndex("data d = csv(\"a\")\n").range(Span.NONE));
    }

    @Test
    void positionsPastALineOrTheTextAreClamped() {
        LineIndex lines = new LineIndex("ab\ncd");
        assertEquals(2, lines.offset(new Position(0, 99)));
        assertEquals(5, lines.offset(new Position(1, 99)));
        assertEquals(5, lines.offset(new Position(7, 1)));
        assertEquals(new Position(1, 2), lines.end());
    }

    private static Range range(int l1, int c1, int l2, int c2) {
        return new Range(new Position(l1, c1), new Position(l2, c2));
    }
}
