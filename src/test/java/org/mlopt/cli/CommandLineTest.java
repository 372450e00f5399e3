package org.mlopt.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes and messages of the command line (docs/cli.md). */
class CommandLineTest {

    private static List<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            return files.map(Path::toString).filter(f -> f.endsWith(".mlopt")).sorted().toList();
        }
    }

    @Test
    void everyExampleChecks() throws IOException {
        List<String> files = examples();
        assertTrue(files.size() >= 8);
        String[] args = Stream.concat(Stream.of("check"), files.stream()).toArray(String[]::new);
        CliRunner r = CliRunner.run(args);
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
    }

    @Test
    void gridSearchPlanCountsSixtyFitsAndTheRefit() {
        CliRunner r = CliRunner.run("plan", "examples/grid_search.mlopt");
        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("12 candidates x 5 folds = 60 fits + 1 refit"), r.out());
        CliRunner dot = CliRunner.run("plan", "--dot", "examples/grid_search.mlopt");
        assertTrue(dot.out().startsWith("digraph"), dot.out());
    }

    @Test
    void scriptErrorsExitTwoWithLocatedMessages(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.mlopt");
        Files.writeString(bad, "optimizer opt = adam(lrr: 0.1)\n");
        CliRunner r = CliRunner.run("check", bad.toString());
        assertEquals(ExitCode.SCRIPT_ERRORS, r.exitCode());
        assertTrue(r.err().contains(bad + ":1:22: error[E301]"), r.err());
        assertTrue(r.err().contains("did you mean 'lr'"), r.err());
        assertFalse(r.leaksStackTrace());
    }

    @Test
    void usageErrorsExitSixtyFour() {
        assertEquals(ExitCode.USAGE, CliRunner.run("check", "no/such/file.mlopt").exitCode());
        assertEquals(ExitCode.USAGE, CliRunner.run("run", "--no-such-option", "x.mlopt").exitCode());
        assertEquals(ExitCode.USAGE, CliRunner.run("frobnicate").exitCode());
    }

    @Test
    void versionAndHelp() {
        assertTrue(CliRunner.run("--version").out().startsWith("mlopt "));
        CliRunner help = CliRunner.run("help");
        assertEquals(ExitCode.OK, help.exitCode());
        assertTrue(help.out().contains("check") && help.out().contains("run") && help.out().contains("Exit codes"), help.out());
    }

    @Test
    void formatCheckPassesOnTheExamples() throws IOException {
        String[] args = Stream.concat(Stream.of("fmt", "--check"), examples().stream()).toArray(String[]::new);
        CliRunner r = CliRunner.run(args);
        assertEquals(ExitCode.OK, r.exitCode(), r.out() + r.err());
    }
}
