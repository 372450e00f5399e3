package org.mlopt.cli;

import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.mlopt.repl.Repl;
import org.mlopt.repl.ReplSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code mlopt repl} (and {@code mlopt} alone): the interactive session. On a terminal it reads
 * through JLine; with piped input it reads plain lines and prints no prompts and no colour.
 */
@Command(name = "repl", description = "Type statements and run them as you go (the default with no arguments).")
final class ReplCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The session's seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Worker threads (results do not depend on it).")
    int threads;

    @Override
    public Integer call() throws UsageException, IOException {
        if (threads < 1) throw new UsageException("--threads must be at least 1");
        Path here = Path.of("").toAbsolutePath();
        if (System.console() == null) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ReplSession session = new ReplSession(here, seed, threads, out, err, false);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return Repl.piped(in, session);
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            PrintWriter screen = terminal.writer();
            ReplSession session = new ReplSession(here, seed, threads, screen, screen, true);
            LineReader reader = Repl.reader(terminal, session, Repl.historyFile());
            Repl.interactive(terminal, reader, session);
            return ExitCode.OK;
        }
    }
}
