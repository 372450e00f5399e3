package org.mlopt.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlopt.cli.Main;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code printf '...' | mlopt repl}: plain lines in, no prompts or colour out, documented exit codes. */
class ReplPipedTest {

    private record Result(int code, String out, String err) {}

    private static Result pipe(String input, String... args) {
        InputStream stdin = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(stdin);
        }
    }

    private static final String SCRIPT = """
            data iris = csv("examples/data/iris.csv", target: "species")
            split iris -> train: 0.7,
                          test: 0.3 { stratify: true, seed: 0 }
            model lr = logistic_regression(C: 1.0)
            train lr on train
            evaluate lr on test: [accuracy]
            lr
            """;

    @Test
    void aCleanSessionExitsZeroWithPlainOutput() {
        for (String[] args : new String[][] {{"repl"}, {}}) {
            Result r = pipe(SCRIPT, args);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("evaluate lr on test (45 rows)"), r.out());
            assertTrue(r.out().contains("model lr = logistic_regression: 4 inputs -> 3 outputs, 15 parameters"), r.out());
            assertFalse(r.out().contains("mlopt>") || r.err().contains("mlopt>"), "no prompts");
            assertFalse(r.out().contains("\u001b") || r.err().contains("\u001b"), "no colour or cursor codes");
        }
    }

    @Test
    void aStatementWithErrorsMakesTheExitCodeTwoButTheRestRuns() {
        Result r = pipe("optimizer o = adam(lr: -1)\n" + SCRIPT);
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("<repl>:1:"), r.err());
        assertTrue(r.out().contains("evaluate lr on test"), r.out());
    }

    @Test
    void anUnfinishedStatementAtEndOfInputIsAnError() {
        Result r = pipe("network n {\n  dense(3)\n");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("<repl>:"), r.err());
    }

    @Test
    void aFailedRunMakesTheExitCodeOne(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b,y\n1,2,0\n2,oops,1\n3,4,0\n5,6,1\n");
        Result r = pipe("data d = csv(\"" + csv + "\", target: \"y\")\n");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("error[R001]") || r.err().contains("error["), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void quitStopsReading() {
        Result r = pipe(":quit\noptimizer o = adam(lr: -1)\n");
        assertEquals(0, r.code());
        assertEquals("", r.err());
    }
}
