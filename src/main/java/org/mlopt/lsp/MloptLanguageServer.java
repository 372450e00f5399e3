package org.mlopt.lsp;

import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.mlopt.schema.Registry;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mlopt language server: diagnostics from the checker, completion, hover, go to definition,
 * outline and formatting for {@code .mlopt} scripts. {@link #exited()} completes with the
 * process exit code when the client sends {@code exit}: 0 after a {@code shutdown}, 1 otherwise.
 */
public final class MloptLanguageServer implements LanguageServer, LanguageClientAware {

    /** How long diagnostics wait after an edit, so a burst of keystrokes is checked once. */
    public static final long DEFAULT_DEBOUNCE_MILLIS = 150;

    private final AtomicReference<LanguageClient> client = new AtomicReference<>();
    private final MloptTextDocumentService textDocuments;
    private final MloptWorkspaceService workspace = new MloptWorkspaceService();
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private volatile boolean shutdownRequested;

    public MloptLanguageServer() {
        this(Registry.standard(), DEFAULT_DEBOUNCE_MILLIS);
    }

    public MloptLanguageServer(Registry registry, long debounceMillis) {
        this.textDocuments = new MloptTextDocumentService(registry,
                documents -> new DiagnosticsPublisher(documents, client::get, registry, debounceMillis));
    }

    @Override
    public void connect(LanguageClient languageClient) {
        client.set(languageClient);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        CompletionOptions completion = new CompletionOptions(false, List.of("(", ",", ":", "[", "{"));
        caps.setCompletionProvider(completion);
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setDocumentFormattingProvider(true);
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("mlopt", Version.current())));
    }

    @Override
    public void initialized(InitializedParams params) {
        textDocuments.warmUp();
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        textDocuments.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        textDocuments.shutdown();
        exited.complete(shutdownRequested ? 0 : 1);
    }

    /** Completes with the exit code once the client has sent {@code exit}. */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }
}
