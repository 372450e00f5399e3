package org.mlopt.lsp;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.mlopt.schema.Registry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The text-document half of the server: keeps the open scripts (full-text sync), has them
 * checked on every change, and answers completion, hover, definition, outline and formatting.
 * Requests are answered on the protocol thread, in order with the edits: each is a token walk
 * or one parse of one script.
 */
final class MloptTextDocumentService implements TextDocumentService {

    private final DocumentStore documents = new DocumentStore();
    private final DiagnosticsPublisher diagnostics;
    private final CompletionProvider completion;
    private final HoverProvider hover;
    private final DefinitionProvider definition;
    private final SymbolProvider symbols = new SymbolProvider();
    private final FormattingProvider formatting = new FormattingProvider();

    MloptTextDocumentService(Registry registry, DiagnosticsPublisher.Factory diagnostics) {
        this.diagnostics = diagnostics.create(documents);
        this.completion = new CompletionProvider(registry);
        this.hover = new HoverProvider(registry);
        this.definition = new DefinitionProvider(registry);
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        diagnostics.schedule(documents.open(item.getUri(), item.getVersion(), item.getText()));
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
        if (changes.isEmpty()) return;
        var id = params.getTextDocument();
        String text = changes.get(changes.size() - 1).getText();
        int version = id.getVersion() == null ? 0 : id.getVersion();
        diagnostics.schedule(documents.open(id.getUri(), version, text));
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        documents.close(uri);
        diagnostics.clear(uri);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // Data files next to the script may have changed: check the current text again.
        Document doc = documents.get(params.getTextDocument().getUri());
        if (doc != null) diagnostics.schedule(doc);
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        Document doc = documents.get(params.getTextDocument().getUri());
        List<CompletionItem> items = doc == null ? List.of() : completion.complete(doc, params.getPosition());
        return CompletableFuture.completedFuture(Either.forLeft(items));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        Document doc = documents.get(params.getTextDocument().getUri());
        return CompletableFuture.completedFuture(doc == null ? null : hover.hover(doc, params.getPosition()));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        Document doc = documents.get(params.getTextDocument().getUri());
        List<Location> found = doc == null ? List.of() : definition.definition(doc, params.getPosition());
        return CompletableFuture.completedFuture(Either.forLeft(found));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        Document doc = documents.get(params.getTextDocument().getUri());
        List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
        if (doc != null) for (DocumentSymbol s : symbols.symbols(doc)) out.add(Either.forRight(s));
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        Document doc = documents.get(params.getTextDocument().getUri());
        return CompletableFuture.completedFuture(doc == null ? List.of() : formatting.format(doc));
    }

    /** Prepares the checker in the background while the editor finishes its handshake. */
    void warmUp() {
        diagnostics.warmUp();
    }

    void shutdown() {
        diagnostics.close();
    }
}
