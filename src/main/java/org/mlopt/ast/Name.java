package org.mlopt.ast;

/** An identifier as written, with its position. */
public record Name(String text, Span span) implements Node {
    @Override
    public String toString() {
        return text;
    }
}
