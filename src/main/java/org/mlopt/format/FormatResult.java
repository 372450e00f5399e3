package org.mlopt.format;

import org.mlopt.diag.Diagnostic;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of formatting one script: the canonical text, or, when the script does not parse,
 * no text and the syntax errors that stopped the formatter.
 */
public record FormatResult(String sourceName, Optional<String> text, boolean changed, List<Diagnostic> diagnostics) {

    public FormatResult {
        diagnostics = List.copyOf(diagnostics);
    }

    static FormatResult formatted(String sourceName, String original, String formatted) {
        return new FormatResult(sourceName, Optional.of(formatted), !formatted.equals(original), List.of());
    }

    static FormatResult refused(String sourceName, List<Diagnostic> diagnostics) {
        return new FormatResult(sourceName, Optional.empty(), false, diagnostics);
    }

    public boolean ok() {
        return text.isPresent();
    }
}
