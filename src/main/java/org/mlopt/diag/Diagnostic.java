package org.mlopt.diag;

import org.mlopt.ast.Span;

import java.util.List;

/** One finding about a script: where, what, and optional notes such as "did you mean ...". */
public record Diagnostic(Severity severity, ErrorCode code, Span span, String message, List<String> notes) {

    public Diagnostic {
        notes = List.copyOf(notes);
    }

    public static Diagnostic error(ErrorCode code, Span span, String message, String... notes) {
        return new Diagnostic(code.isWarning() ? Severity.WARNING : Severity.ERROR, code, span, message, List.of(notes));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
