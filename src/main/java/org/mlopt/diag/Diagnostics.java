package org.mlopt.diag;

import org.mlopt.ast.Span;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Collects diagnostics across phases so a script's errors are reported all at once. Duplicates
 * (same code and span) are dropped; past {@link #LIMIT} errors, further ones are counted only.
 */
public final class Diagnostics {

    public static final int LIMIT = 100;

    private final List<Diagnostic> items = new ArrayList<>();
    private int dropped;

    public void add(Diagnostic d) {
        for (Diagnostic seen : items)
            if (seen.code() == d.code() && seen.span().equals(d.span()) && seen.message().equals(d.message())) return;
        if (items.size() >= LIMIT) {
            dropped++;
            return;
        }
        items.add(d);
    }

    public void error(ErrorCode code, Span span, String message, String... notes) {
        add(Diagnostic.error(code, span, message, notes));
    }

    public void addAll(Iterable<Diagnostic> ds) {
        for (Diagnostic d : ds) add(d);
    }

    public boolean hasErrors() {
        for (Diagnostic d : items) if (d.isError()) return true;
        return false;
    }

    public int errorCount() {
        int n = dropped;
        for (Diagnostic d : items) if (d.isError()) n++;
        return n;
    }

    public int dropped() {
        return dropped;
    }

    /** In source order, so output reads top to bottom. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> out = new ArrayList<>(items);
        out.sort(Comparator.comparingInt((Diagnostic d) -> d.span().startOffset()).thenComparing(d -> d.code().name()));
        return Collections.unmodifiableList(out);
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(items);
    }
}
