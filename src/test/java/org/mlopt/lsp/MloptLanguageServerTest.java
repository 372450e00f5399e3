package org.mlopt.lsp;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Speaks LSP to the server over pipes, as an editor does, and checks each feature's answers. */
class MloptLanguageServerTest {

    /** A small network script; the data file sits next to it, so it only checks clean with the right base dir. */
    static final String GOOD = """
            data points = csv("points.csv", target: "y")
            split points -> train: 0.75, test: 0.25 { seed: 0 }
            network net {
              dense(8, relu)
              dense(2)
            }
            loss ce = cross_entropy()
            optimizer opt = adam(lr: 1e-3)
            train net on train {
              loss: ce
              optimizer: opt
              epochs: 5
            }
            evaluate net on test: [accuracy]
            """;
    /** {@code GOOD} with adam's {@code lr} misspelt {@code lrr} on line 8 (0-based line 7). */
    static final String MISSPELT = GOOD.replace("adam(lr:", "adam(lrr:");

    @TempDir
    Path dir;
    LspSession session;
    String uri;

    @BeforeEach
    void start() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 40; i++) csv.append(i % 7).append(',').append((i * 3) % 5).append(',').append(i % 2).append('\n');
        Files.writeString(dir.resolve("points.csv"), csv);
        uri = dir.resolve("experiment.mlopt").toUri().toString();
        session = new LspSession(20);
        session.initialize();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            assertEquals(0, session.shutdown(), "exit code after shutdown + exit");
        } finally {
            session.close();
        }
    }

    @Test
    void initializeAnnouncesCapabilities() throws Exception {
        InitializeResult result;
        try (LspSession other = new LspSession(20)) {
            result = other.initialize();
            assertEquals(0, other.shutdown());
        }
        var caps = result.getCapabilities();
        assertEquals(TextDocumentSyncKind.Full, caps.getTextDocumentSync().getRight().getChange());
        assertTrue(caps.getCompletionProvider().getTriggerCharacters().contains("("));
        assertTrue(caps.getHoverProvider().getLeft());
        assertTrue(caps.getDefinitionProvider().getLeft());
        assertTrue(caps.getDocumentSymbolProvider().getLeft());
        assertTrue(caps.getDocumentFormattingProvider().getLeft());
        assertEquals("mlopt", result.getServerInfo().getName());
    }

    @Test
    void misspeltParameterIsReportedWithCodeRangeAndHelp() throws Exception {
        session.open(uri, MISSPELT);
        PublishDiagnosticsParams published = session.nextDiagnostics(uri);
        assertEquals(1, published.getDiagnostics().size(), () -> "diagnostics: " + published.getDiagnostics());
        Diagnostic d = published.getDiagnostics().get(0);
        assertEquals("E301", d.getCode().getLeft());
        assertEquals(DiagnosticSeverity.Error, d.getSeverity());
        assertEquals("mlopt", d.getSource());
        // "optimizer opt = adam(" is 21 characters: lrr spans columns 21..23, end exclusive 24.
        assertEquals(new Range(new Position(7, 21), new Position(7, 24)), d.getRange());
        assertTrue(d.getMessage().getLeft().contains("lrr"), d.getMessage().getLeft());
        assertTrue(d.getRelatedInformation().stream().anyMatch(r -> r.getMessage().contains("lr")),
                () -> "related: " + d.getRelatedInformation());
        assertEquals(1, published.getVersion());
    }

    @Test
    void changeThatFixesTheErrorClearsDiagnostics() throws Exception {
        session.open(uri, MISSPELT);
        assertEquals(1, session.nextDiagnostics(uri).getDiagnostics().size());
        session.change(uri, 2, GOOD);
        PublishDiagnosticsParams after = session.nextDiagnostics(uri);
        assertEquals(2, after.getVersion());
        assertEquals(List.of(), after.getDiagnostics());
    }

    @Test
    void burstOfEditsIsCheckedOnceAtTheLatestVersion() throws Exception {
        try (LspSession slow = new LspSession(MloptLanguageServer.DEFAULT_DEBOUNCE_MILLIS)) {
            slow.initialize();
            slow.open(uri, MISSPELT);
            slow.change(uri, 2, MISSPELT.replace("epochs: 5", "epochs: 6"));
            slow.change(uri, 3, GOOD);
            PublishDiagnosticsParams first = slow.nextDiagnostics(uri);
            assertEquals(3, first.getVersion(), "the debounce drops versions replaced within the delay");
            assertEquals(List.of(), first.getDiagnostics());
            assertEquals(0, slow.shutdown());
            assertEquals(List.of(), slow.drain());
        }
    }

    @Test
    void dataPathsResolveAgainstTheScriptsFolder() throws Exception {
        String elsewhere = dir.resolve("sub").resolve("moved.mlopt").toUri().toString();
        session.open(elsewhere, GOOD);
        List<Diagnostic> ds = session.nextDiagnostics(elsewhere).getDiagnostics();
        assertEquals(1, ds.size(), () -> "diagnostics: " + ds);
        assertTrue(ds.get(0).getMessage().getLeft().contains("points.csv"), ds.get(0).getMessage().getLeft());
    }

    @Test
    void completionInsideAdamOffersItsParameters() throws Exception {
        String text = GOOD.replace("adam(lr: 1e-3)", "adam()");
        session.open(uri, text);
        List<CompletionItem> items = complete(text, "adam(", 5);
        Set<String> labels = labels(items);
        assertTrue(labels.containsAll(Set.of("lr", "beta1", "beta2", "eps", "weight_decay")), labels::toString);
        CompletionItem lr = items.stream().filter(i -> i.getLabel().equals("lr")).findFirst().orElseThrow();
        assertEquals("lr: ", lr.getInsertText());
        assertTrue(lr.getDocumentation().getRight().getValue().contains("default: 0.001"), lr.getDocumentation().getRight().getValue());
    }

    @Test
    void completionAtLineStartOffersStatementKeywords() throws Exception {
        String text = GOOD + "tr";
        session.open(uri, text);
        Set<String> labels = labels(complete(text, "\ntr", 3));
        assertTrue(labels.containsAll(Set.of("train", "evaluate", "data", "network", "optimizer")), labels::toString);
        assertTrue(!labels.contains("adam"), labels::toString);
    }

    @Test
    void completionAfterOptimizerDeclarationOffersOnlyOptimizers() throws Exception {
        String text = GOOD + "optimizer fast = ";
        session.open(uri, text);
        Set<String> labels = labels(complete(text, "fast = ", 7));
        assertTrue(labels.containsAll(Set.of("adam", "sgd")), labels::toString);
        assertTrue(!labels.contains("cross_entropy") && !labels.contains("dense") && !labels.contains("train"), labels::toString);
    }

    @Test
    void completionOfTrainLossOffersLossesAndDeclaredLosses() throws Exception {
        String text = GOOD.replace("  loss: ce\n", "  loss: \n");
        session.open(uri, text);
        Set<String> labels = labels(complete(text, "  loss: ", 8));
        assertTrue(labels.containsAll(Set.of("ce", "cross_entropy", "mse")), labels::toString);
        assertTrue(!labels.contains("opt") && !labels.contains("adam"), labels::toString);
    }

    @Test
    void completionOfNamesFollowsTheStatementShape() throws Exception {
        String text = GOOD + "evaluate  on \n";
        session.open(uri, text);
        Set<String> models = labels(complete(text, "evaluate ", 9));
        assertEquals(Set.of("net"), models);
        Set<String> datasets = labels(complete(text, "evaluate  on ", 13));
        assertEquals(Set.of("points", "train", "test"), datasets);
    }

    @Test
    void completionOfAChoiceParameterOffersItsValues() throws Exception {
        String text = GOOD.replace("dense(2)", "dense(2, activation: )");
        session.open(uri, text);
        Set<String> labels = labels(complete(text, "activation: ", 12));
        assertTrue(labels.contains("relu"), labels::toString);
    }

    @Test
    void hoverOnAdamShowsItsDocAndParameters() throws Exception {
        session.open(uri, GOOD);
        String value = hover(GOOD, "adam(", 1);
        assertTrue(value.contains("Adam with bias-corrected first and second moment estimates"), value);
        assertTrue(value.contains("| `lr` |"), value);
    }

    @Test
    void hoverOnAParameterShowsItsTypeDefaultAndRange() throws Exception {
        session.open(uri, GOOD);
        String value = hover(GOOD, "epochs: 5", 1);
        assertTrue(value.contains("**epochs** — parameter of `train` settings"), value);
        assertTrue(value.contains("default: 100"), value);
        String lr = hover(GOOD, "lr: 1e-3", 0);
        assertTrue(lr.contains("optimizer `adam`") && lr.contains("range: > 0"), lr);
    }

    @Test
    void hoverOnADeclaredNameSummarisesItsDeclaration() throws Exception {
        session.open(uri, GOOD);
        String value = hover(GOOD, "optimizer: opt", 12);
        assertTrue(value.contains("**opt** — optimizer, declared on line 8"), value);
        assertTrue(value.contains("optimizer opt = adam(lr: 1e-3)"), value);
    }

    @Test
    void definitionOfAUsedNameIsItsDeclaration() throws Exception {
        session.open(uri, GOOD);
        List<? extends Location> found = session.server.getTextDocumentService()
                .definition(new DefinitionParams(id(), position(GOOD, "optimizer: opt", 12)))
                .get(LspSession.TIMEOUT_SECONDS, TimeUnit.SECONDS).getLeft();
        assertEquals(1, found.size());
        assertEquals(uri, found.get(0).getUri());
        assertEquals(new Range(new Position(7, 10), new Position(7, 13)), found.get(0).getRange());

        List<? extends Location> part = session.server.getTextDocumentService()
                .definition(new DefinitionParams(id(), position(GOOD, "net on train", 8)))
                .get(LspSession.TIMEOUT_SECONDS, TimeUnit.SECONDS).getLeft();
        assertEquals(new Range(new Position(1, 16), new Position(1, 21)), part.get(0).getRange());
    }

    @Test
    void documentSymbolsListDeclarationsAndActions() throws Exception {
        session.open(uri, GOOD);
        List<DocumentSymbol> symbols = session.server.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(id())).get(LspSession.TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .stream().map(Either::getRight).toList();
        assertEquals(List.of("points", "split points", "net", "ce", "opt", "train net on train", "evaluate net on test"),
                symbols.stream().map(DocumentSymbol::getName).toList());
        assertEquals(List.of("train", "test"), symbols.get(1).getChildren().stream().map(DocumentSymbol::getName).toList());
        DocumentSymbol net = symbols.get(2);
        assertEquals(new Range(new Position(2, 0), new Position(5, 1)), net.getRange());
        assertEquals(new Range(new Position(2, 8), new Position(2, 11)), net.getSelectionRange());
    }

    @Test
    void formattingReturnsTheFormattedText() throws Exception {
        String messy = "loss   ce=cross_entropy( )\noptimizer opt = adam(lr:1e-3,beta1 :0.9)   # fast\n";
        session.open(uri, messy);
        List<? extends TextEdit> edits = format();
        assertEquals(1, edits.size());
        assertEquals(new Range(new Position(0, 0), new Position(2, 0)), edits.get(0).getRange());
        assertEquals("loss ce = cross_entropy()\noptimizer opt = adam(lr: 1e-3, beta1: 0.9)  # fast\n", edits.get(0).getNewText());
    }

    @Test
    void formattingRefusesQuietlyOnSyntaxErrors() throws Exception {
        String broken = "optimizer opt = adam(lr: \n";
        session.open(uri, broken);
        assertEquals(List.of(), format());
        assertEquals("E101", session.nextDiagnostics(uri).getDiagnostics().get(0).getCode().getLeft());
    }

    private List<? extends TextEdit> format() throws Exception {
        return session.server.getTextDocumentService()
                .formatting(new DocumentFormattingParams(id(), new FormattingOptions(2, true)))
                .get(LspSession.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private List<CompletionItem> complete(String text, String anchor, int shift) throws Exception {
        return session.server.getTextDocumentService()
                .completion(new CompletionParams(id(), position(text, anchor, shift)))
                .get(LspSession.TIMEOUT_SECONDS, TimeUnit.SECONDS).getLeft();
    }

    private String hover(String text, String anchor, int shift) throws Exception {
        Hover h = session.server.getTextDocumentService().hover(new HoverParams(id(), position(text, anchor, shift)))
                .get(LspSession.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(h, "no hover at " + anchor);
        return h.getContents().getRight().getValue();
    }

    private TextDocumentIdentifier id() {
        return new TextDocumentIdentifier(uri);
    }

    /** The position {@code shift} characters after the start of the first occurrence of {@code anchor}. */
    static Position position(String text, String anchor, int shift) {
        int at = text.indexOf(anchor);
        if (at < 0) throw new IllegalArgumentException("no " + anchor);
        int offset = at + shift;
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++)
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        return new Position(line, offset - lineStart);
    }

    private static Set<String> labels(List<CompletionItem> items) {
        return items.stream().map(CompletionItem::getLabel).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
