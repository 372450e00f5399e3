package org.mlopt.format;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlopt.ast.AstPrinter;
import org.mlopt.parse.LexToken;
import org.mlopt.parse.Lexing;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;
import org.mlopt.parse.TokenKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-spaces the golden inputs at random (seeded) and scatters extra comments between tokens,
 * then checks the formatter's promises on each variant: it accepts it, keeps the AST and every
 * comment, and is idempotent.
 */
class FormatterFuzzTest {

    private static final int VARIANTS = Integer.getInteger("fuzz.variants", 30);
    private static final String[] SPACES = {" ", "\n", "  ", "\n\n", "\t", " \n  ", "\n\n\n    "};

    @TestFactory
    Stream<DynamicTest> randomLayoutsAndComments() throws IOException {
        return FormatterGoldenTest.inputs().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String original = Files.readString(p);
            Random random = new Random(p.getFileName().toString().hashCode());
            for (int v = 0; v < VARIANTS; v++) {
                String variant = perturb(original, random);
                FormatResult r = Formatter.format("fuzz.mlopt", variant);
                assertTrue(r.ok(), () -> "refused variant:\n" + variant + "\n" + r.diagnostics());
                String once = r.text().get();
                assertEquals(ast(variant), ast(once), variant);
                assertEquals(comments(variant), comments(once), variant);
                assertEquals(once, Formatter.format("fuzz.mlopt", once).text().orElseThrow(), variant);
            }
        }));
    }

    private static String perturb(String text, Random random) {
        StringBuilder out = new StringBuilder();
        List<LexToken> tokens = Lexing.tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            LexToken t = tokens.get(i);
            boolean afterComment = i > 0 && tokens.get(i - 1).kind() == TokenKind.COMMENT;
            if (t.kind() == TokenKind.WHITESPACE) {
                String space = SPACES[random.nextInt(SPACES.length)];
                out.append(afterComment && space.indexOf('\n') < 0 ? "\n" : space);
            } else {
                if (afterComment) out.append('\n');
                out.append(t.text());
                if (t.kind() != TokenKind.COMMENT && random.nextInt(8) == 0)
                    out.append(random.nextBoolean() ? " " : "\n").append("# c").append(i).append('\n');
                else if (t.kind() != TokenKind.COMMENT && !t.text().equals("-")) out.append(' ');
            }
        }
        return out.toString();
    }

    private static List<String> comments(String text) {
        return Lexing.tokens(text).stream().filter(t -> t.kind() == TokenKind.COMMENT)
                .map(LexToken::text).map(String::stripTrailing).toList();
    }

    private static String ast(String text) {
        ParseResult r = ScriptParser.parse("fuzz.mlopt", text);
        assertTrue(r.ok(), () -> "variant does not parse:\n" + text + "\n" + r.diagnostics().sorted());
        return AstPrinter.print(r.program(), false);
    }
}
