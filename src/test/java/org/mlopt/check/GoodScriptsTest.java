package org.mlopt.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every script under check/good must check without errors. */
class GoodScriptsTest {

    static List<Path> scripts() {
        return Scripts.list("good");
    }

    @Test
    void thereAreGoodScripts() {
        assertFalse(scripts().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void checksClean(Path script) {
        CheckResult r = Scripts.check(script);
        String text = Scripts.read(script);
        assertTrue(r.ok(), () -> "expected no errors:\n" + Scripts.render(script.getFileName().toString(), text, r));
        assertNotNull(r.program());
    }
}
