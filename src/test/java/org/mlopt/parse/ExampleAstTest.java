package org.mlopt.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlopt.ast.AstPrinter;
import org.mlopt.diag.Diagnostic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every script in {@code examples/} parses without diagnostics, and its AST (with spans) equals
 * {@code src/test/resources/golden/ast/NAME.ast}. After a deliberate change to the grammar, the
 * AST or an example, rewrite the expectations with
 * {@code mvn test -Dtest=ExampleAstTest -Dgolden.update=true} and review the diff.
 */
class ExampleAstTest {

    private static final Path EXAMPLES = Path.of("examples");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/ast");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".mlopt")).sorted().collect(Collectors.toList()).stream();
        }
    }

    @Test
    void theExamplesFolderHoldsTheDocumentedScripts() throws IOException {
        List<String> names = examples().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("grid_search.mlopt", "ridge_lasso.mlopt", "digits_network.mlopt",
                "pruning.mlopt", "distillation.mlopt", "random_search.mlopt", "gradient_descent.mlopt",
                "iris_logistic.mlopt")), names.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleParsesToItsGoldenAst(Path script) throws IOException {
        String text = Files.readString(script, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("#"), script + " should start with a comment saying what it shows");
        ParseResult result = ScriptParser.parse(script.getFileName().toString(), text);
        assertTrue(result.ok(), () -> script + " does not parse:\n" + describe(result.diagnostics().sorted()));
        assertFalse(result.program().statements().isEmpty(), script + " has no statements");

        String actual = AstPrinter.print(result.program());
        Path golden = GOLDEN.resolve(script.getFileName().toString().replace(".mlopt", ".ast"));
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(golden), "missing " + golden + "; create it with -Dgolden.update=true");
        assertEquals(read(golden), actual, script + " no longer parses to " + golden
                + " (if the change is intended, rerun with -Dgolden.update=true and review the diff)");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.span() + " " + d.code() + " " + d.message()).collect(Collectors.joining("\n"));
    }
}
