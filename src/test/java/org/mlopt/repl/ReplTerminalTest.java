package org.mlopt.repl;

import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole JLine loop, headless: a dumb terminal over piped streams. */
class ReplTerminalTest {

    private record Run(String screen, int code, Path history) {}

    private static Run drive(String typed, Path dir) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Path history = dir.resolve("history");
        try (Terminal terminal = new DumbTerminal("t", "ansi",
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new org.jline.terminal.Size(120, 40));
            ReplSession session = new ReplSession(SessionFixture.EXAMPLES, 0, 1, terminal.writer(), terminal.writer(), false);
            LineReader reader = Repl.reader(terminal, session, history);
            int code = Repl.interactive(terminal, reader, session);
            terminal.flush();
            return new Run(screen.toString(StandardCharsets.UTF_8), code, history);
        }
    }

    @Test
    void statementsSpanLinesAndDefinitionsPersistUntilEndOfInput(@TempDir Path dir) throws Exception {
        Run run = drive("optimizer opt = adam(\nlr: 0.01)\nopt\n", dir);
        String screen = run.screen();
        assertTrue(screen.contains(Repl.PROMPT), screen);
        assertTrue(screen.contains("\n" + Repl.CONTINUATION), "the second line is read on the secondary prompt: " + screen);
        // Keywords are bold blue (SGR 34 with 1) in the echo of the buffer.
        assertTrue(screen.matches("(?s).*\u001b\\[(34;1|1;34)moptimizer.*"), "the input is highlighted: " + screen);
        assertTrue(screen.contains("optimizer opt = adam\n"), screen);
        assertTrue(screen.matches("(?s).*\n  lr +0\\.01\n.*"), screen);
        assertEquals(0, run.code());
        String history = Files.readString(run.history());
        assertTrue(history.contains("opt"), history);
    }

    @Test
    void errorsAreShownAndTheLoopGoesOnUntilQuit(@TempDir Path dir) throws Exception {
        Run run = drive("loss l = cross_entropyy()\nloss l = cross_entropy()\n:quit\nl\n", dir);
        String screen = run.screen();
        assertTrue(screen.contains("<repl>:1:10: error["), screen);
        assertTrue(screen.contains("did you mean 'cross_entropy'?"), screen);
        assertTrue(!screen.contains("loss l = cross_entropy\n"), "nothing after :quit runs: " + screen);
        assertEquals(2, run.code());
    }
}
