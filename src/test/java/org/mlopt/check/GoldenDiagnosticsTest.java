package org.mlopt.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden diagnostics: every script under check/bad has a NAME.expected beside it listing the
 * diagnostics it must produce, one {@code line:col-endLine:endCol CODE} per line in source
 * order. Run with {@code -Dgolden.update=true} to rewrite the expectations (then review the diff);
 * the rendered messages are written to target/check-golden/ for reading.
 */
class GoldenDiagnosticsTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static List<Path> scripts() {
        return Scripts.list("bad");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void diagnosticsMatch(Path script) throws IOException {
        String text = Scripts.read(script);
        String name = script.getFileName().toString();
        CheckResult r = Scripts.check(script);
        List<String> actual = Scripts.compact(r);
        String rendered = Scripts.render(name, text, r);
        Path out = Path.of("target", "check-golden", name.replace(".mlopt", ".txt"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, rendered, StandardCharsets.UTF_8);
        Path expectedFile = script.resolveSibling(name.replace(".mlopt", ".expected"));
        if (UPDATE) Files.writeString(expectedFile, String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
        assertTrue(Files.exists(expectedFile), "missing " + expectedFile + " (run with -Dgolden.update=true)");
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        assertFalse(expected.isEmpty(), "a bad script must expect at least one diagnostic");
        assertEquals(String.join("\n", expected), String.join("\n", actual), () -> "diagnostics of " + name + ":\n" + rendered);
        assertFalse(r.ok(), "a bad script must not check clean");
    }
}
