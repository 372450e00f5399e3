package org.mlopt.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.mlopt.schema.Registry;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A client talking LSP to a server over in-memory pipes, the way an editor talks to
 * {@code mlopt lsp} over stdio: the server side runs {@link LspMain#run} on its own thread.
 */
final class LspSession implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 10;

    final LanguageServer server;
    final CompletableFuture<Integer> exitCode;
    private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private final java.io.OutputStream clientOut;

    LspSession(long debounceMillis) throws IOException {
        InMemoryPipe toServer = new InMemoryPipe();
        InMemoryPipe toClient = new InMemoryPipe();
        java.io.InputStream serverIn = toServer.in;
        clientOut = toServer.out;
        java.io.InputStream clientIn = toClient.in;
        java.io.OutputStream serverOut = toClient.out;
        MloptLanguageServer impl = new MloptLanguageServer(Registry.standard(), debounceMillis);
        exitCode = CompletableFuture.supplyAsync(() -> LspMain.run(serverIn, serverOut, impl), runnable -> {
            Thread t = new Thread(runnable, "lsp-test-server");
            t.setDaemon(true);
            t.start();
        });
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    InitializeResult initialize() throws Exception {
        InitializeParams params = new InitializeParams();
        params.setCapabilities(new ClientCapabilities());
        InitializeResult result = server.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return result;
    }

    void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "mlopt", 1, text)));
    }

    void change(String uri, int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** The next diagnostics published for {@code uri}; fails after the timeout. */
    PublishDiagnosticsParams nextDiagnostics(String uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            PublishDiagnosticsParams p = published.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (p == null) throw new AssertionError("no diagnostics published for " + uri + " within " + TIMEOUT_SECONDS + " s");
            if (p.getUri().equals(uri)) return p;
        }
    }

    /** Diagnostics published for {@code uri} that satisfy {@code wanted}, skipping earlier ones. */
    PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> wanted) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = nextDiagnostics(uri);
            if (wanted.test(p)) return p;
        }
    }

    /** Diagnostics published so far and not yet taken. */
    List<PublishDiagnosticsParams> drain() {
        List<PublishDiagnosticsParams> out = new java.util.ArrayList<>();
        published.drainTo(out);
        return out;
    }

    /** Shuts the server down as an editor does and returns its exit code. */
    int shutdown() throws Exception {
        server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        server.exit();
        return exitCode.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        clientOut.close();
    }

    private final class Client implements LanguageClient {
        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void showMessage(MessageParams messageParams) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {}
    }
}
