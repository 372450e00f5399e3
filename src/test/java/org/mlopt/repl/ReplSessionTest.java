package org.mlopt.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlopt.check.Checker;
import org.mlopt.cli.Main;
import org.mlopt.parse.ScriptParser;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlopt.repl.ReplSession.Outcome.ACCEPTED;
import static org.mlopt.repl.ReplSession.Outcome.CANCELLED;
import static org.mlopt.repl.ReplSession.Outcome.DONE;
import static org.mlopt.repl.ReplSession.Outcome.NOTHING;
import static org.mlopt.repl.ReplSession.Outcome.REJECTED;

class ReplSessionTest {

    private static final String MODEL = "model lr = logistic_regression(C: 1.0)\n";

    private SessionFixture irisSession() {
        SessionFixture f = new SessionFixture();
        assertEquals(ACCEPTED, f.enter(SessionFixture.IRIS));
        assertEquals(ACCEPTED, f.enter(SessionFixture.SPLIT));
        f.out();
        f.err();
        return f;
    }

    @Test
    void declarationsPersistAcrossInputsAndOnlyNewStepsRun() {
        SessionFixture f = irisSession();
        assertEquals(ACCEPTED, f.enter(MODEL));
        assertEquals(ACCEPTED, f.enter("train lr on train"));
        assertTrue(f.out().contains("trained lr on train"));
        assertEquals(ACCEPTED, f.enter("evaluate lr on test: [accuracy]"));
        String out = f.out();
        assertTrue(out.contains("evaluate lr on test (45 rows)"), out);
        assertFalse(out.contains("trained lr"), "the cached training step is not printed again: " + out);
        assertEquals(5, ScriptParser.parse("s", f.session.script()).program().statements().size());
    }

    @Test
    void anInputWithErrorsIsRejectedAndLeavesTheSessionUnchanged() {
        SessionFixture f = irisSession();
        String before = f.session.script();
        assertEquals(REJECTED, f.enter("optimizer opt = adam(lrr: 0.1)"));
        String err = f.err();
        assertTrue(err.startsWith("<repl>:1:22: error[E301]: unknown parameter 'lrr'"), err);
        assertTrue(err.contains("    optimizer opt = adam(lrr: 0.1)\n                         ^^^\n"), err);
        assertEquals(before, f.session.script());
        assertEquals(2, f.session.exitCode());
    }

    @Test
    void diagnosticsPointIntoTheTypedInputNotTheSessionScript() {
        SessionFixture f = irisSession();
        assertEquals(REJECTED, f.enter("network net {\n  dense(16, relu)\n  dense(3, reluu)\n}\n"));
        String err = f.err();
        assertTrue(err.startsWith("<repl>:3:12: error["), err);
        assertTrue(err.contains("    " + "  dense(3, reluu)\n" + "    " + " ".repeat(11) + "^^^^^"), err);
    }

    @Test
    void aSyntaxErrorIsReportedAgainstTheInput() {
        SessionFixture f = new SessionFixture();
        assertEquals(REJECTED, f.enter("model m = logistic_regression(C: 1.0))"));
        assertTrue(f.err().startsWith("<repl>:1:"));
        assertEquals("", f.session.script());
    }

    @Test
    void redefiningANameReplacesItInPlaceAndRerunsWhatDependsOnIt() {
        SessionFixture f = irisSession();
        f.enter(MODEL);
        f.enter("train lr on train");
        f.enter("evaluate lr on test: [accuracy]");
        f.out();
        assertEquals(ACCEPTED, f.enter("model lr = logistic_regression(C: 0.01)"));
        String out = f.out();
        assertTrue(out.contains("trained lr on train"), out);
        assertTrue(out.contains("evaluate lr on test"), out);
        String script = f.session.script();
        assertTrue(script.contains("C: 0.01") && !script.contains("C: 1.0"), script);
        assertTrue(script.indexOf("model lr") < script.indexOf("train lr"), "kept at its old position: " + script);
    }

    @Test
    void aRedefinitionThatBreaksEarlierStatementsIsRejectedWithTheirSessionLines() {
        SessionFixture f = irisSession();
        String before = f.session.script();
        f.err();
        assertEquals(REJECTED, f.enter("data iris = csv(\"data/iris.csv\", target: \"sepal_length\")"));
        String err = f.err();
        // The split (line 2 of the session) stratifies, which a numeric target does not allow.
        assertTrue(err.startsWith("<session>:2:49: error[E308]"), err);
        assertTrue(err.contains("    " + SessionFixture.SPLIT), err);
        assertTrue(err.contains("as :list shows them"), err);
        assertEquals(before, f.session.script());
    }

    @Test
    void blankAndCommentOnlyInputDoNothing() {
        SessionFixture f = new SessionFixture();
        assertEquals(NOTHING, f.enter("   "));
        assertEquals(NOTHING, f.enter("# just a note"));
        assertEquals(0, f.session.exitCode());
    }

    @Test
    void showsADatasetWithShapeTargetTaskAndClasses() {
        SessionFixture f = irisSession();
        assertEquals(DONE, f.enter("iris"));
        String out = f.out();
        // examples/data/iris.csv: 150 rows, 4 features, 3 species.
        assertTrue(out.startsWith("dataset iris: 150 rows x 4 features"), out);
        assertTrue(out.contains("target    species"), out);
        assertTrue(out.contains("task      multi-class classification"), out);
        assertTrue(out.contains("classes   3: setosa, versicolor, virginica"), out);
        assertEquals(DONE, f.enter("train"));
        assertTrue(f.out().contains("train part of iris (70%)"));
    }

    @Test
    void showsANetworksLayersParameterCountsAndLastMetrics() {
        SessionFixture f = irisSession();
        assertEquals(ACCEPTED, f.enter("network net {\n  dense(16, relu)\n  dense(3)\n}"));
        assertEquals(DONE, f.enter(":show net"));
        String out = f.out();
        // The input width is inferred from the data the network is trained on: unknown until then.
        assertTrue(out.startsWith("network net: ? inputs -> 3 outputs, ? parameters"), out);
        assertFalse(out.contains("last"), out);
        f.enter("train net on train { loss: cross_entropy(), optimizer: adam(lr: 0.01), epochs: 2 }");
        f.enter("evaluate net on test: [accuracy]");
        f.out();
        f.enter("net");
        out = f.out();
        // 4*16+16 = 80 and 16*3+3 = 51 weights and biases.
        assertTrue(out.startsWith("network net: 4 inputs -> 3 outputs, 131 parameters"), out);
        assertTrue(out.matches("(?s).*1  dense\\(16, relu\\) +4 -> 16  80 parameters.*"), out);
        assertTrue(out.matches("(?s).*2  dense\\(3\\) +16 -> 3  51 parameters.*"), out);
        assertTrue(out.contains("last train on train:") && out.contains("epochs 2"), out);
        assertTrue(out.matches("(?s).*last evaluate on test: rows 45, accuracy [0-9.]+\n.*"), out);
    }

    @Test
    void showsAComponentDeclarationsParameters() {
        SessionFixture f = new SessionFixture();
        assertEquals(ACCEPTED, f.enter("optimizer opt = adam(lr: 0.003)"));
        assertEquals(DONE, f.enter("opt"));
        String out = f.out();
        assertTrue(out.startsWith("optimizer opt = adam\n"), out);
        assertTrue(out.matches("(?s).*\n  lr +0\\.003\n.*"), out);
        assertTrue(out.contains("(default)"), out);
    }

    @Test
    void anUndeclaredNameIsAnErrorWithASuggestion() {
        SessionFixture f = new SessionFixture();
        f.enter("optimizer opt = adam()");
        assertEquals(REJECTED, f.enter("  otp"));
        String err = f.err();
        assertTrue(err.startsWith("<repl>:1:3: error[E201]: unknown name 'otp'"), err);
        assertTrue(err.contains("    " + "  otp\n" + "    " + "  ^^^\n"), err);
        assertTrue(err.contains("did you mean 'opt'?"), err);
    }

    @Test
    void cancellingARunKeepsTheSessionAsItWas() {
        SessionFixture f = irisSession();
        f.enter("network net {\n  dense(16, relu)\n  dense(3)\n}");
        String before = f.session.script();
        AtomicInteger polls = new AtomicInteger();
        f.session.setCancelled(() -> polls.incrementAndGet() > 30);
        assertEquals(CANCELLED, f.enter("train net on train { loss: cross_entropy(), optimizer: adam(), epochs: 500, batch: 8 }"));
        assertTrue(f.err().contains("cancelled: train net on train"));
        assertEquals(before, f.session.script());
        f.session.setCancelled(null);
        assertEquals(DONE, f.enter("net"));
        assertTrue(f.out().startsWith("network net:"));
    }

    @Test
    void unknownCommandsAreErrors() {
        SessionFixture f = new SessionFixture();
        assertEquals(REJECTED, f.enter(":sav x"));
        assertTrue(f.err().contains("did you mean ':save'?"));
    }

    @Test
    void listCheckAndPlanDescribeTheSession() {
        SessionFixture f = irisSession();
        assertEquals(DONE, f.enter(":list"));
        assertEquals(SessionFixture.IRIS + SessionFixture.SPLIT, f.out());
        assertEquals(DONE, f.enter(":check"));
        assertEquals("ok: 2 statements, no errors\n", f.out());
        assertEquals(DONE, f.enter(":plan"));
        String plan = f.out();
        assertTrue(plan.contains("LOAD_DATA") && plan.contains("SPLIT"), plan);
    }

    @Test
    void loadingAMissingFileIsAnError() {
        SessionFixture f = new SessionFixture();
        assertEquals(REJECTED, f.enter(":load no/such/script.mlopt"));
        assertEquals("cannot read no/such/script.mlopt: no such file\n", f.err());
        assertEquals(REJECTED, f.enter(":save"));
        assertTrue(f.err().startsWith("usage: :save FILE"));
    }

    @Test
    void resetForgetsEverything() {
        SessionFixture f = irisSession();
        assertEquals(DONE, f.enter(":reset"));
        assertEquals("", f.session.script());
        assertEquals(REJECTED, f.enter("iris"));
    }

    @Test
    void loadRunsAScriptWithPathsRelativeToItsFolder(@TempDir Path dir) throws Exception {
        SessionFixture f = new SessionFixture();
        assertEquals(DONE, f.enter(":help"));
        f.out();
        ReplSession elsewhere = new ReplSession(dir, 0, 1, new java.io.PrintWriter(f.out, true), new java.io.PrintWriter(f.err, true), false);
        Path script = SessionFixture.EXAMPLES.resolve("iris_logistic.mlopt");
        assertEquals(ACCEPTED, elsewhere.submit(":load " + script));
        assertTrue(f.out().contains("evaluate"));
        assertTrue(elsewhere.script().contains("examples/data/iris.csv"), elsewhere.script());
    }

    @Test
    void savedSessionChecksCleanAndRuns(@TempDir Path dir) throws Exception {
        SessionFixture f = irisSession();
        f.enter("# a small logistic regression\n" + MODEL);
        f.enter("train lr on train");
        f.enter("evaluate lr on test: [accuracy]");
        String shown = f.out();
        Path saved = dir.resolve("sub/session.mlopt");
        assertEquals(DONE, f.enter(":save " + saved));
        assertTrue(f.out().startsWith("saved 5 statements to "));
        String text = Files.readString(saved);
        assertTrue(text.contains("# a small logistic regression"), text);
        assertTrue(Checker.check(ScriptParser.parse("s", text), saved.getParent()).ok(), text);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", "--no-save", "-q", saved.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String accuracy = shown.substring(shown.indexOf("accuracy"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(accuracy.strip()), "same figures as in the session: " + out);
    }
}
