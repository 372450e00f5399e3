package org.mlopt.repl;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReplHighlighterTest {

    private static AttributedStyle styleAt(AttributedString s, int index) {
        return s.styleAt(index);
    }

    @Test
    void coloursTokensByKind() {
        String text = "optimizer opt = adam(lr: 1e-3)  # fast";
        AttributedString s = ReplHighlighter.highlight(text);
        assertEquals(text, s.toString());
        assertEquals(ReplHighlighter.KEYWORD, styleAt(s, 0));
        assertEquals(ReplHighlighter.NAME, styleAt(s, text.indexOf("opt ")));
        assertEquals(ReplHighlighter.NAME, styleAt(s, text.indexOf("adam")));
        assertEquals(ReplHighlighter.NUMBER, styleAt(s, text.indexOf("1e-3")));
        assertEquals(ReplHighlighter.COMMENT, styleAt(s, text.indexOf("# fast") + 2));
        AttributedString str = ReplHighlighter.highlight("data d = csv(\"x.csv\")");
        assertEquals(ReplHighlighter.STRING, styleAt(str, 14));
    }

    @Test
    void theFirstSyntaxErrorIsRedAndUnderlined() {
        String text = "model m = logistic_regression(C: 1.0))";
        AttributedString s = ReplHighlighter.highlight(text);
        assertEquals(ReplHighlighter.ERROR, styleAt(s, text.length() - 1));
        assertEquals(ReplHighlighter.KEYWORD, styleAt(s, 0));
    }

    @Test
    void unfinishedInputAndBareNamesAreNotErrors() {
        assertNull(ReplHighlighter.firstSyntaxError("network n {\n  dense("));
        assertNull(ReplHighlighter.firstSyntaxError("net"));
        assertEquals(ReplHighlighter.COMMAND, styleAt(ReplHighlighter.highlight(":save x.mlopt"), 1));
    }
}
