package org.mlopt.plan;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden plans: every {@code src/test/resources/plan/NAME.mlopt} is checked by {@link CheckedFixture},
 * planned and rendered; the text must equal {@code NAME.plan}. Run with {@code -Dgolden.update=true}
 * to rewrite the expectations after an intended change, then review the diff.
 */
class PlanGoldenTest {

    static final Path DIR = Path.of("src/test/resources/plan");

    @TestFactory
    Stream<DynamicTest> plansMatchGoldenFiles() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(DIR)) {
            scripts = files.filter(p -> p.toString().endsWith(".mlopt")).sorted().toList();
        }
        assertTrue(scripts.size() >= 5, "golden scripts found: " + scripts);
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String text = Files.readString(script, StandardCharsets.UTF_8);
            String actual = PlanText.render(Planner.plan(CheckedFixture.check(script.getFileName().toString(), text)));
            Path golden = DIR.resolve(script.getFileName().toString().replace(".mlopt", ".plan"));
            if (Boolean.getBoolean("golden.update")) Files.writeString(golden, actual, StandardCharsets.UTF_8);
            assertTrue(Files.exists(golden), "missing golden file " + golden + " (run with -Dgolden.update=true)");
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "plan of " + script);
        }));
    }
}
