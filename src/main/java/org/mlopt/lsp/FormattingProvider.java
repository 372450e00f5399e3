package org.mlopt.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.mlopt.format.FormatResult;
import org.mlopt.format.Formatter;

import java.util.List;

/**
 * Whole-document formatting through the {@link Formatter}: one edit replacing the text, none when
 * it is already formatted, and none when the script has syntax errors (the diagnostics show those).
 */
final class FormattingProvider {

    List<TextEdit> format(Document doc) {
        FormatResult result = Formatter.format(doc.sourceName(), doc.text());
        if (!result.ok() || !result.changed()) return List.of();
        Range all = new Range(new Position(0, 0), doc.lines().end());
        return List.of(new TextEdit(all, result.text().get()));
    }
}
