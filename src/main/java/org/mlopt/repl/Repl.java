package org.mlopt.repl;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.mlopt.parse.Lexing;
import org.mlopt.schema.Registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The read-eval-print loops: one on a terminal through JLine (prompts, colour, completion,
 * history, Ctrl-C cancelling a running step), one over plain piped lines (no prompts, no colour).
 */
public final class Repl {

    public static final String PROMPT = "mlopt> ";
    public static final String CONTINUATION = "...> ";
    /** The exit status after a second Ctrl-C during a run, as for {@code mlopt run}. */
    private static final int INTERRUPTED = 130;

    private Repl() {}

    /** The history file: {@code -Dmlopt.history=PATH}, else {@code ~/.mlopt_history}. */
    public static Path historyFile() {
        String configured = System.getProperty("mlopt.history");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        return Path.of(System.getProperty("user.home"), ".mlopt_history");
    }

    /** A line reader on {@code terminal} with the REPL's highlighter, completer, parser and history. */
    public static LineReader reader(Terminal terminal, ReplSession session, Path history) {
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("mlopt")
                .highlighter(new ReplHighlighter())
                .completer(new ReplCompleter(Registry.standard(), session::declarations))
                .parser(new ReplParser())
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .variable(LineReader.INDENTATION, 2)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    /**
     * Reads and runs inputs until Ctrl-D or {@code :quit}. Ctrl-C at the prompt clears the line;
     * while a step runs it cancels the step and keeps the session.
     *
     * @return the session's exit code
     */
    public static int interactive(Terminal terminal, LineReader reader, ReplSession session) {
        terminal.writer().println("mlopt " + org.mlopt.cli.Version.current() + "  (:help for commands, Ctrl-D to leave)");
        terminal.flush();
        while (true) {
            String input;
            try {
                input = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            if (submitCancellable(terminal, session, input) == ReplSession.Outcome.QUIT) break;
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println("mlopt: could not save the history: " + e.getMessage());
        }
        terminal.flush();
        return session.exitCode();
    }

    /**
     * Runs one input with Ctrl-C (SIGINT on the terminal) asking the running step to stop at its
     * next batch; a second Ctrl-C ends the process, for a step that does not poll.
     */
    static ReplSession.Outcome submitCancellable(Terminal terminal, ReplSession session, String input) {
        AtomicBoolean cancel = new AtomicBoolean();
        session.setCancelled(cancel::get);
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            if (cancel.getAndSet(true)) Runtime.getRuntime().halt(INTERRUPTED);
            terminal.writer().println();
            terminal.writer().println("stopping after the current batch (Ctrl-C again to leave mlopt at once)");
            terminal.flush();
        });
        try {
            return session.submit(input);
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            session.setCancelled(null);
        }
    }

    /**
     * Reads plain lines: a {@code :command} on its own line, or statements gathered until they
     * are complete ({@link Lexing#isComplete}). Stops at end of input or {@code :quit}.
     *
     * @return 2 if any input had errors, else 1 if a run failed, else 0
     */
    public static int piped(BufferedReader in, ReplSession session) throws IOException {
        StringBuilder pending = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            if (pending.length() == 0 && line.strip().startsWith(":")) {
                if (session.submit(line) == ReplSession.Outcome.QUIT) return session.exitCode();
                continue;
            }
            pending.append(line).append('\n');
            String text = pending.toString();
            if (text.isBlank()) {
                pending.setLength(0);
                continue;
            }
            if (Lexing.isComplete(text)) {
                pending.setLength(0);
                if (session.submit(text) == ReplSession.Outcome.QUIT) return session.exitCode();
            }
        }
        if (!pending.toString().isBlank()) session.submit(pending.toString());
        return session.exitCode();
    }
}
