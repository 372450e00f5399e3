package org.mlopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

    private static final String SCRIPT = "data d = csv(\"d.csv\", target: \"y\")\nmodel clf = logistic_regression(C: 1.0)\ntrain clf on d\n";

    private static Path run(Path parent, String name, long seed, String script, double accuracy) throws Exception {
        Path dir = Files.createDirectories(parent.resolve(name));
        Files.writeString(dir.resolve("script.mlopt"), "# run with --seed " + seed + "\n" + script);
        Files.writeString(dir.resolve("summary.json"), "{\"schema\": 1, \"mlopt\": \"0.1.0\", \"script\": \"x.mlopt\", \"seed\": " + seed
                + ", \"steps\": [{\"id\": \"s4\", \"kind\": \"evaluate\", \"model\": \"clf\", \"data\": \"d\", \"metrics\": {\"accuracy\": " + accuracy
                + "}, \"details\": {}}], \"not_executed\": [], \"cancelled\": false}");
        return dir;
    }

    private static String[] execute(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new CompareCommand());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute(args);
        return new String[] {Integer.toString(code), out.toString()};
    }

    @Test
    void printsTheChangedLineAndTheMetricsAndExitsZero(@TempDir Path dir) throws Exception {
        Path a = run(dir, "a", 0, SCRIPT, 0.9);
        Path b = run(dir, "b", 0, SCRIPT.replace("C: 1.0", "C: 10.0"), 0.925);
        String[] r = execute(a.toString(), b.toString());
        assertEquals("0", r[0]);
        String out = r[1];
        assertTrue(out.contains("line 3\n    1: model clf = logistic_regression(C: 1.0)\n    2: model clf = logistic_regression(C: 10.0)\n"), out);
        assertTrue(!out.contains("--seed") && !out.contains("data d"), "only what differs: " + out);
        assertTrue(out.contains("evaluate clf on d") && out.contains("0.925") && out.contains("+0.025"), out);
    }

    @Test
    void aFolderThatIsNoRunIsAUsageError(@TempDir Path dir) throws Exception {
        Path a = run(dir, "a", 0, SCRIPT, 0.9);
        CompareCommand c = new CompareCommand();
        c.first = a.toString();
        c.second = dir.resolve("missing").toString();
        UsageException e = assertThrows(UsageException.class, c::call);
        assertTrue(e.getMessage().contains("summary.json"), e.getMessage());
    }
}
