package org.mlopt.lsp;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.mlopt.diag.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * An mlopt diagnostic in LSP terms: its code ({@code E301}) in the code field, its notes
 * ("help: did you mean 'lr'?") as related information at the same place.
 */
final class DiagnosticConverter {

    static final String SOURCE = "mlopt";

    private DiagnosticConverter() {}

    static List<Diagnostic> convert(Document doc, List<org.mlopt.diag.Diagnostic> found) {
        List<Diagnostic> out = new ArrayList<>(found.size());
        for (org.mlopt.diag.Diagnostic d : found) out.add(convert(doc, d));
        return out;
    }

    static Diagnostic convert(Document doc, org.mlopt.diag.Diagnostic d) {
        Range range = doc.lines().range(d.span());
        Diagnostic lsp = new Diagnostic(range, d.message(), severity(d.severity()), SOURCE, d.code().name());
        if (!d.notes().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new ArrayList<>();
            for (String note : d.notes()) related.add(new DiagnosticRelatedInformation(new Location(doc.uri(), range), note));
            lsp.setRelatedInformation(related);
        }
        return lsp;
    }

    private static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case NOTE -> DiagnosticSeverity.Information;
        };
    }
}
