package org.mlopt.lsp;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.mlopt.check.CheckResult;
import org.mlopt.check.Checker;
import org.mlopt.schema.Registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks open scripts and publishes their diagnostics, debounced: each edit restarts a short
 * timer, and a check whose document has moved on to a newer version is dropped unpublished, so
 * the latest version always wins. Checks run one at a time on a single background thread.
 */
final class DiagnosticsPublisher implements AutoCloseable {

    /** Builds the publisher once the document store it watches exists. */
    interface Factory {
        DiagnosticsPublisher create(DocumentStore documents);
    }

    private static final Logger LOG = Logger.getLogger(DiagnosticsPublisher.class.getName());

    private final DocumentStore documents;
    private final Supplier<LanguageClient> client;
    private final Registry registry;
    private final long delayMillis;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mlopt-lsp-check");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    DiagnosticsPublisher(DocumentStore documents, Supplier<LanguageClient> client, Registry registry, long delayMillis) {
        this.documents = documents;
        this.client = client;
        this.registry = registry;
        this.delayMillis = delayMillis;
    }

    /** Checks {@code doc} after the debounce delay unless a newer version arrives first. */
    void schedule(Document doc) {
        if (scheduler.isShutdown()) return;
        try {
            ScheduledFuture<?> next = scheduler.schedule(() -> publish(doc), delayMillis, TimeUnit.MILLISECONDS);
            ScheduledFuture<?> previous = pending.put(doc.uri(), next);
            if (previous != null) previous.cancel(false);
        } catch (RejectedExecutionException e) {
            // Shut down meanwhile: a server told to shut down checks nothing more.
        }
    }

    /**
     * Loads and compiles the parser and checker on the check thread ahead of the first script,
     * so the first diagnostics an editor waits for are not slowed by class loading.
     */
    void warmUp() {
        Document sample = new Document("untitled:warm-up.mlopt", 0, WARM_UP);
        try {
            scheduler.execute(() -> {
                sample.tokens();
                Checker.check(sample.parse(), null, registry);
            });
        } catch (RejectedExecutionException e) {
            // Shut down already.
        }
    }

    private static final String WARM_UP = """
            data d = synthetic_classification(samples: 100, features: 4, seed: 0)
            split d -> train: 0.75, test: 0.25 { seed: 0 }
            network n { dense(8, relu)  dense(2) }
            loss ce = cross_entropy()
            optimizer o = adam(lr: 1e-3)
            train n on train { loss: ce, optimizer: o, epochs: 1 }
            evaluate n on test: [accuracy]
            """;

    /** Clears a closed document's diagnostics. */
    void clear(String uri) {
        ScheduledFuture<?> previous = pending.remove(uri);
        if (previous != null) previous.cancel(false);
        try {
            scheduler.execute(() -> send(new PublishDiagnosticsParams(uri, List.of())));
        } catch (RejectedExecutionException e) {
            // Shut down meanwhile: the client drops diagnostics of closed files itself.
        }
    }

    private void publish(Document doc) {
        if (!documents.isCurrent(doc)) return;
        List<Diagnostic> diagnostics;
        try {
            CheckResult result = Checker.check(doc.parse(), doc.baseDir(), registry);
            diagnostics = DiagnosticConverter.convert(doc, result.diagnostics().sorted());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checking " + doc.uri() + " failed", e);
            return;
        }
        if (documents.isCurrent(doc)) send(new PublishDiagnosticsParams(doc.uri(), diagnostics, doc.version()));
    }

    private void send(PublishDiagnosticsParams params) {
        LanguageClient c = client.get();
        if (c != null) c.publishDiagnostics(params);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
