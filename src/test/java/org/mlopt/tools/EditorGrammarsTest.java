package org.mlopt.tools;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mlopt.format.FormatResult;
import org.mlopt.format.Formatter;
import org.mlopt.parse.Lexing;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed editor files must be exactly what {@link EditorGrammars} generates from the lexer
 * and the registry, so a new keyword or component cannot be left out of an editor. After changing
 * the grammar or the catalog, regenerate with {@code -Dgolden.update=true}.
 */
class EditorGrammarsTest {

    private static final Path ROOT = Path.of("editor-support");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final List<String> GRAMMARS = List.of("vscode/syntaxes/mlopt.tmLanguage.json",
            "vim/syntax/mlopt.vim", "emacs/mlopt-mode.el");

    @TestFactory
    Stream<DynamicTest> committedFilesMatchTheGenerator() throws IOException {
        if (UPDATE) EditorGrammars.write(ROOT);
        return EditorGrammars.generate().entrySet().stream().map(file -> DynamicTest.dynamicTest(file.getKey(), () -> {
            Path committed = ROOT.resolve(file.getKey());
            assertTrue(Files.exists(committed), committed + " is missing: run EditorGrammarsTest with -Dgolden.update=true");
            assertEquals(file.getValue(), Files.readString(committed),
                    committed + " is stale: run EditorGrammarsTest with -Dgolden.update=true");
        }));
    }

    @Test
    void everyKeywordAndComponentIsInEveryGrammar() {
        Map<String, String> files = EditorGrammars.generate();
        for (String grammar : GRAMMARS) {
            String text = files.get(grammar);
            for (String keyword : Lexing.keywords()) assertTrue(mentions(text, keyword), grammar + " lacks " + keyword);
            for (String bool : Lexing.booleans()) assertTrue(mentions(text, bool), grammar + " lacks " + bool);
            for (String component : Vocabulary.standard().components())
                assertTrue(mentions(text, component), grammar + " lacks " + component);
        }
    }

    @Test
    void everyStatementHasASnippet() {
        String snippets = EditorGrammars.generate().get("vscode/snippets/mlopt.json");
        for (String keyword : Lexing.statementKeywords())
            assertTrue(snippets.contains("\"prefix\": \"" + keyword + "\""), "no snippet for " + keyword);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Snippets.forStatement("quantize"));
        assertTrue(e.getMessage().contains("quantize"));
    }

    @Test
    void snippetBodiesParseOnceTheirPlaceholdersAreFilledIn() {
        for (String keyword : Lexing.statementKeywords()) {
            String body = String.join("\n", Snippets.forStatement(keyword).body())
                    .replaceAll("\\$\\{\\d+:([^}]*)}", "$1").replaceAll("\\$\\{\\d+}", "").replace("\t", "  ");
            FormatResult r = Formatter.format(keyword + ".snippet", body);
            assertTrue(r.ok(), () -> keyword + " snippet does not parse: " + body + "\n" + r.diagnostics());
        }
    }

    @Test
    void componentsComeFromTheRegistryWithoutStatementSchemasOrKeywords() {
        Registry registry = new Registry(List.of(
                Component.of(Kind.OPTIMIZER, "adam", "").build(),
                Component.of(Kind.METRIC, "accuracy", "").build(),
                Component.of(Kind.STATEMENT, "train", "").build(),
                Component.of(Kind.OPTION_GROUP, "early_stop", "").build(),
                Component.of(Kind.LOSS, "split", "").build()));
        assertEquals(List.of("accuracy", "adam"), Vocabulary.of(registry).components());
    }

    @Test
    void theEditorSampleIsInCanonicalLayout() throws IOException {
        // The Vim and Emacs indentation checks in editor-support/test/run.sh re-indent this file and
        // expect no change, so this keeps the editors' indentation equal to the formatter's.
        Path sample = ROOT.resolve("test/sample.mlopt");
        String text = Files.readString(sample);
        FormatResult r = Formatter.format(sample.toString(), text);
        assertTrue(r.ok(), () -> r.diagnostics().toString());
        assertEquals(text, r.text().get());
    }

    private static boolean mentions(String text, String word) {
        return java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])" + word + "(?![A-Za-z0-9_])").matcher(text).find();
    }
}
