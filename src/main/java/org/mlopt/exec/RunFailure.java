package org.mlopt.exec;

import org.mlopt.ast.Span;

/**
 * A failure while running a valid script (bad data, a diverging run, an unreadable model file):
 * reported as one message pointing at the statement, with exit code 1.
 */
public final class RunFailure extends RuntimeException {

    private final Span span;
    private final String hint;

    public RunFailure(Span span, String message, String hint, Throwable cause) {
        super(message, cause);
        this.span = span;
        this.hint = hint;
    }

    public RunFailure(Span span, String message) {
        this(span, message, null, null);
    }

    public Span span() {
        return span;
    }

    /** A suggestion for what to change, or null. */
    public String hint() {
        return hint;
    }
}
