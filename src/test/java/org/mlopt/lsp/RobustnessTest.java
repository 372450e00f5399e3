package org.mlopt.lsp;

import org.junit.jupiter.api.Test;
import org.mlopt.schema.Registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Editors ask about every position of half-typed text: completion, hover, definition, outline and
 * formatting must answer (possibly nothing) at every offset of every example, whole and cut short,
 * without throwing.
 */
class RobustnessTest {

    private static final Registry REGISTRY = Registry.standard();

    @Test
    void everyPositionOfEveryExampleAndOfItsPrefixes() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".mlopt")).sorted().toList();
        }
        assertFalse(examples.isEmpty());
        CompletionProvider completion = new CompletionProvider(REGISTRY);
        HoverProvider hover = new HoverProvider(REGISTRY);
        DefinitionProvider definition = new DefinitionProvider(REGISTRY);
        SymbolProvider symbols = new SymbolProvider();
        FormattingProvider formatting = new FormattingProvider();
        for (Path example : examples) {
            String full = Files.readString(example);
            for (int cut : new int[] {full.length(), full.length() * 2 / 3, full.length() / 3}) {
                Document doc = new Document(example.toUri().toString(), 1, full.substring(0, cut));
                symbols.symbols(doc);
                formatting.format(doc);
                for (int offset = 0; offset <= doc.text().length(); offset++) {
                    var position = doc.lines().position(offset);
                    try {
                        completion.complete(doc, position);
                        hover.hover(doc, position);
                        definition.definition(doc, position);
                    } catch (RuntimeException e) {
                        throw new AssertionError(example + " cut at " + cut + ", offset " + offset, e);
                    }
                }
            }
        }
    }
}
