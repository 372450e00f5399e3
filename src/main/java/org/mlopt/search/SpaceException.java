package org.mlopt.search;

import org.mlopt.ast.Span;

/** A space entry the engine cannot use, with the position of the offending text. */
public final class SpaceException extends IllegalArgumentException {

    private final transient Span span;

    public SpaceException(String message, Span span) {
        super(message);
        this.span = span;
    }

    public Span span() {
        return span;
    }
}
