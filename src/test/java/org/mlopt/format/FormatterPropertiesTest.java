package org.mlopt.format;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mlopt.ast.AstPrinter;
import org.mlopt.diag.ErrorCode;
import org.mlopt.parse.LexToken;
import org.mlopt.parse.Lexing;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;
import org.mlopt.parse.TokenKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What formatting must never do, checked over every example script and golden input. */
class FormatterPropertiesTest {

    /** The golden inputs and every example script that parses (an example may show a syntax error on purpose). */
    static List<Path> scripts() throws IOException {
        List<Path> out = new ArrayList<>(FormatterGoldenTest.inputs());
        Path examples = Path.of("examples");
        if (Files.isDirectory(examples))
            try (Stream<Path> files = Files.walk(examples)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".mlopt")).sorted().toList())
                    if (ScriptParser.parse(p.toString(), Files.readString(p)).ok()) out.add(p);
            }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> formattingTwiceChangesNothing() throws IOException {
        return perScript(text -> {
            String once = formatted(text);
            assertEquals(once, formatted(once));
        });
    }

    @TestFactory
    Stream<DynamicTest> everyCommentIsKeptWithItsText() throws IOException {
        return perScript(text -> assertEquals(comments(text), comments(formatted(text))));
    }

    @TestFactory
    Stream<DynamicTest> theAstIsUnchanged() throws IOException {
        return perScript(text -> assertEquals(ast(text), ast(formatted(text))));
    }

    @Test
    void refusesAScriptWithSyntaxErrors() {
        FormatResult r = Formatter.format("bad.mlopt", "model m = ridge(alpha: 1.0\ntrain m on d\n");
        assertFalse(r.ok());
        assertTrue(r.text().isEmpty());
        assertFalse(r.diagnostics().isEmpty());
        assertEquals(ErrorCode.E101, r.diagnostics().get(0).code());
    }

    @Test
    void reportsWhetherTheTextChanged() {
        assertFalse(Formatter.format("a.mlopt", "train m on d\n").changed());
        assertTrue(Formatter.format("a.mlopt", "train  m on d").changed());
    }

    @Test
    void emptyScriptStaysEmpty() {
        assertEquals("", formatted(""));
        assertEquals("# only a comment\n", formatted("\n\n# only a comment   \n\n"));
    }

    @Test
    void keepsOneBlankLineWhereTheSourceHadSome() {
        assertEquals("train a on d\n\ntrain b on d\ntrain c on d\n", formatted("train a on d\n\n\n\ntrain b on d\ntrain c on d"));
    }

    @Test
    void multipleCommentsInsideOneLineMoveAboveIt() {
        String text = "split d -> # one\n train: 0.5, # two\n test: 0.5 # three\n";
        assertEquals("# one\n# two\nsplit d -> train: 0.5, test: 0.5  # three\n", formatted(text));
    }

    private interface Check {
        void run(String text) throws Exception;
    }

    private static Stream<DynamicTest> perScript(Check check) throws IOException {
        List<Path> scripts = scripts();
        assertFalse(scripts.isEmpty());
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> check.run(Files.readString(p))));
    }

    private static String formatted(String text) {
        FormatResult r = Formatter.format("t.mlopt", text);
        assertTrue(r.ok(), () -> "refused: " + r.diagnostics());
        return r.text().get();
    }

    private static List<String> comments(String text) {
        return Lexing.tokens(text).stream().filter(t -> t.kind() == TokenKind.COMMENT)
                .map(LexToken::text).map(String::stripTrailing).toList();
    }

    private static String ast(String text) {
        ParseResult r = ScriptParser.parse("t.mlopt", text);
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        return AstPrinter.print(r.program(), false);
    }
}
