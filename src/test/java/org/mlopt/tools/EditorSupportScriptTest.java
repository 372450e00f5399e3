package org.mlopt.tools;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the editors themselves on the generated editor support (editor-support/test/run.sh): Vim's
 * highlight groups and indentation, Emacs's font-lock faces and indentation, and the TextMate
 * grammar under vscode-tmgrammar-test. A tool that is not installed is skipped by the script.
 */
class EditorSupportScriptTest {

    @Test
    void editorsHighlightKeywordsNumbersStringsAndComments() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "editor-support/test/run.sh").redirectErrorStream(true).start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(done, "editor checks did not finish in 5 minutes:\n" + output);
        assertFalse(output.contains("FAILED"), output);
        assertEquals(0, p.exitValue(), output);
        System.out.println(output);
    }
}
