package org.mlopt.lsp;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs the language server over a pair of streams, as {@code mlopt lsp} does over stdin and
 * stdout. The output stream carries the protocol only: while the server runs on
 * {@link System#out}, anything else printed to it (logging included) goes to standard error.
 */
public final class LspMain {

    private LspMain() {}

    /**
     * Serves until the client sends {@code exit} or closes the input.
     *
     * @return the exit code: 0 after a clean {@code shutdown} then {@code exit}, 1 otherwise
     */
    public static int run(InputStream in, OutputStream out) {
        return run(in, out, new MloptLanguageServer());
    }

    /** Serves {@code server} (tests give it a short debounce). */
    public static int run(InputStream in, OutputStream out, MloptLanguageServer server) {
        PrintStream stdout = System.out;
        boolean onStdout = out == stdout;
        if (onStdout) System.setOut(System.err);
        try {
            Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
            server.connect(launcher.getRemoteProxy());
            Future<Void> listening = launcher.startListening();
            CompletableFuture<Void> inputClosed = new CompletableFuture<>();
            Thread watcher = new Thread(() -> {
                waitFor(listening);
                inputClosed.complete(null);
            }, "mlopt-lsp-input");
            watcher.setDaemon(true);
            watcher.start();
            CompletableFuture.anyOf(server.exited(), inputClosed).join();
            listening.cancel(true);
            server.shutdown();
            return server.exited().getNow(1);
        } finally {
            if (onStdout) System.setOut(stdout);
        }
    }

    /** Serves over standard input and output; {@code mlopt lsp} does the same through the command line. */
    public static void main(String[] args) {
        System.exit(run(System.in, System.out));
    }

    private static void waitFor(Future<Void> listening) {
        try {
            listening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // The connection ended; the server stops either way.
        }
    }
}
