package org.mlopt.parse;

import org.mlopt.ast.Program;
import org.mlopt.diag.Diagnostics;
import org.mlopt.diag.SourceText;

/** The outcome of parsing: a program when the text was well-formed, and what was found wrong. */
public record ParseResult(SourceText source, Program program, Diagnostics diagnostics) {
    public boolean ok() {
        return program != null && !diagnostics.hasErrors();
    }
}
