package org.mlopt.docs;

import org.junit.jupiter.api.Test;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Registry;
import org.mlopt.schema.Type;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/language.md} is generated: this test fails when the committed file differs from
 * what the registry renders. To regenerate after changing the catalog or the statement guide:
 * {@code mvn test -Dtest=LanguageReferenceTest -Dgolden.update=true}.
 */
class LanguageReferenceTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private final String rendered = LanguageReference.render(Registry.standard());

    @Test
    void committedReferenceMatchesTheRegistry() throws IOException {
        Path file = LanguageReference.DEFAULT_OUTPUT;
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), file + " is missing; generate it with "
                + "mvn test -Dtest=LanguageReferenceTest -Dgolden.update=true");
        String committed = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(committed, rendered, file + " is out of date with the component registry; regenerate it with "
                + "mvn test -Dtest=LanguageReferenceTest -Dgolden.update=true");
    }

    @Test
    void everyComponentHasASectionWithItsDocAndParameters() {
        for (Component c : Registry.standard().all()) {
            String heading = "#### `" + c.name() + "`";
            int at = sectionStart(c);
            assertTrue(at >= 0, "no section for " + c.kind() + " " + c.name());
            int end = rendered.indexOf("\n#### ", at + heading.length());
            String section = rendered.substring(at, end < 0 ? rendered.length() : end);
            assertTrue(section.contains(c.doc()), c.name() + " section lacks its doc");
            c.params().forEach(p -> assertTrue(section.contains("| `" + p.name() + "`"), c.name() + " table lacks " + p.name()));
            if (c.status() == Component.Status.PLANNED) assertTrue(section.contains("(planned)"), c.name());
        }
    }

    @Test
    void everyExampleInTheGuideParses() {
        Matcher m = Pattern.compile("```mlopt\n(.*?)```", Pattern.DOTALL).matcher(rendered);
        List<String> failures = new ArrayList<>();
        int blocks = 0;
        while (m.find()) {
            blocks++;
            ParseResult r = ScriptParser.parse("language.md block " + blocks, m.group(1));
            if (!r.ok())
                failures.add("block " + blocks + ":\n" + m.group(1) + r.diagnostics().sorted().stream()
                        .map(d -> d.span() + " " + d.code() + " " + d.message()).collect(Collectors.joining("\n")));
        }
        assertTrue(blocks >= 10, "expected the guide's examples, found " + blocks);
        assertEquals(List.of(), failures);
    }

    @Test
    void valuesAreSpelledAsInAScript() {
        assertEquals("1e-4", LanguageReference.formatNumber(1e-4));
        assertEquals("1e-8", LanguageReference.formatNumber(1e-8));
        assertEquals("2.5e-6", LanguageReference.formatNumber(2.5e-6));
        assertEquals("0.001", LanguageReference.formatNumber(0.001));
        assertEquals("1000", LanguageReference.formatNumber(1000));
        assertEquals("-3", LanguageReference.formatNumber(-3));
        assertEquals("1.0", LanguageReference.formatValue(1.0, Type.number()));
        assertEquals("5", LanguageReference.formatValue(5.0, Type.integer()));
        assertEquals("\"report.html\"", LanguageReference.formatValue("report.html", Type.string()));
        assertEquals("l2", LanguageReference.formatValue("l2", Type.choice("l1", "l2")));
        assertEquals("activation", LanguageReference.typeText(Type.component(Kind.ACTIVATION)));
        assertEquals("`l1` | `l2`", LanguageReference.typeText(Type.choice("l1", "l2")));
        assertEquals("declared loss or loss", LanguageReference.typeText(Type.anyOf(Type.ref("loss"), Type.component(Kind.LOSS))));
        assertEquals("list of whole numbers", LanguageReference.typeText(Type.listOf(Type.integer())));
        assertEquals("list of metrics", LanguageReference.typeText(Type.listOf(Type.component(Kind.METRIC))));
        assertEquals("Losses", LanguageReference.title(Kind.LOSS));
        assertEquals("Search strategies", LanguageReference.title(Kind.SEARCH_STRATEGY));
        assertEquals("Data sources", LanguageReference.title(Kind.DATA_SOURCE));
    }

    private int sectionStart(Component c) {
        // Names repeat across kinds (mse, l1, elastic_net): find the heading under the kind's title.
        int kindAt = rendered.indexOf("\n### " + LanguageReference.title(c.kind()) + "\n");
        return kindAt < 0 ? -1 : rendered.indexOf("#### `" + c.name() + "`", kindAt);
    }
}
