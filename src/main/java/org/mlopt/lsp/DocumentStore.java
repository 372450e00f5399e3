package org.mlopt.lsp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The open scripts by URI, each at its latest version (full-text sync). */
final class DocumentStore {

    private final Map<String, Document> documents = new ConcurrentHashMap<>();

    Document open(String uri, int version, String text) {
        Document d = new Document(uri, version, text);
        documents.put(uri, d);
        return d;
    }

    void close(String uri) {
        documents.remove(uri);
    }

    /** The latest version, or null when the document is not open. */
    Document get(String uri) {
        return documents.get(uri);
    }

    /** Whether {@code d} is still the latest version of its document. */
    boolean isCurrent(Document d) {
        return documents.get(d.uri()) == d;
    }
}
