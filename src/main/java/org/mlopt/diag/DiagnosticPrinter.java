package org.mlopt.diag;

import org.mlopt.ast.Span;

/**
 * Renders a diagnostic the way compilers do:
 * <pre>
 * file:line:col: error[E301]: unknown parameter 'lrr' of adam
 *     optimizer opt = adam(lrr: 0.1)
 *                          ^^^
 *   = help: did you mean 'lr'?
 * </pre>
 */
public final class DiagnosticPrinter {

    private DiagnosticPrinter() {}

    public static String render(SourceText source, Diagnostic d) {
        StringBuilder out = new StringBuilder();
        Span s = d.span();
        out.append(source.name());
        if (s.line() > 0) out.append(':').append(s.line()).append(':').append(s.column());
        out.append(": ").append(d.severity().label()).append('[').append(d.code().name()).append("]: ").append(d.message()).append('\n');
        if (s.line() > 0) {
            String line = source.line(s.line()).replace('\t', ' ');
            out.append("    ").append(line).append('\n');
            int col = Math.max(1, s.column());
            int width = s.endLine() == s.line() ? Math.max(1, s.endColumn() - s.column() + 1) : Math.max(1, line.length() - col + 1);
            width = Math.min(width, Math.max(1, line.length() - col + 1));
            out.append("    ").append(" ".repeat(col - 1)).append("^".repeat(width)).append('\n');
        }
        for (String note : d.notes()) out.append("  = ").append(note).append('\n');
        return out.toString();
    }

    public static String renderAll(SourceText source, Diagnostics diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics.sorted()) out.append(render(source, d));
        return out.toString();
    }

    /** One line per diagnostic, for golden files: {@code line:col-endLine:endCol CODE}. */
    public static String compact(Diagnostic d) {
        return d.span() + " " + d.code().name();
    }
}
