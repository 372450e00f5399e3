package org.mlopt.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplParserTest {

    private final ReplParser parser = new ReplParser();

    @Test
    void unfinishedStatementsContinueOnTheNextLine() {
        assertThrows(EOFError.class, () -> parser.parse("network n {", 11, ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> parser.parse("optimizer o = adam(lr: 0.1,", 27, ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> parser.parse("model m =", 9, ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> parser.parse("split d -> train: 0.7,\n", 23, ParseContext.ACCEPT_LINE));
    }

    @Test
    void theContinuationKnowsHowManyBracketsAreOpen() {
        EOFError e = assertThrows(EOFError.class, () -> parser.parse("train n on d {\n  early_stop: { patience: 3,", 40, ParseContext.ACCEPT_LINE));
        assertEquals(2, e.getOpenBrackets());
        assertEquals("}", e.getNextClosingBracket());
        assertEquals(0, assertThrows(EOFError.class, () -> parser.parse("model m =", 9, ParseContext.ACCEPT_LINE)).getOpenBrackets());
    }

    @Test
    void finishedStatementsCommandsAndBadInputAreAccepted() {
        String done = "network n {\n  dense(3)\n}";
        assertEquals(done, parser.parse(done, done.length(), ParseContext.ACCEPT_LINE).line());
        parser.parse(":load some(file", 15, ParseContext.ACCEPT_LINE);
        parser.parse("model m = x())", 14, ParseContext.ACCEPT_LINE);
    }

    @Test
    void theWordIsTheNameAtTheCursor() {
        ParsedLine l = parser.parse("optimizer o = adam(l", 20, ParseContext.COMPLETE);
        assertEquals("l", l.word());
        assertEquals(1, l.wordCursor());
        assertEquals(":sa", parser.parse(":sa", 3, ParseContext.COMPLETE).word());
        assertEquals("", parser.parse("train net on ", 13, ParseContext.COMPLETE).word());
        assertEquals("ad", parser.parse("optimizer o = adam(", 16, ParseContext.COMPLETE).word());
    }
}
