package org.mlopt.ast;

import java.util.List;

/** A parsed script: its statements in source order and the file they came from. */
public record Program(String sourceName, List<Statement> statements, Span span) implements Node {
    public Program {
        statements = List.copyOf(statements);
    }
}
