package org.mlopt.format;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden pairs {@code src/test/resources/format/NAME.in.mlopt -> NAME.out.mlopt}. Run with
 * {@code -Dgolden.update=true} to rewrite the expected outputs after a deliberate style change.
 */
class FormatterGoldenTest {

    static final Path DIR = Path.of("src/test/resources/format");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static List<Path> inputs() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".in.mlopt")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenPairs() throws IOException {
        List<Path> inputs = inputs();
        assertTrue(inputs.size() >= 3, "golden inputs missing under " + DIR.toAbsolutePath());
        return inputs.stream().map(in -> DynamicTest.dynamicTest(in.getFileName().toString(), () -> {
            FormatResult result = Formatter.format(in.toString(), Files.readString(in));
            assertTrue(result.ok(), () -> "refused: " + result.diagnostics());
            Path expected = DIR.resolve(in.getFileName().toString().replace(".in.mlopt", ".out.mlopt"));
            if (UPDATE) Files.writeString(expected, result.text().get());
            assertTrue(Files.exists(expected), "missing " + expected + " (run with -Dgolden.update=true)");
            assertEquals(Files.readString(expected), result.text().get(), in.toString());
        }));
    }
}
