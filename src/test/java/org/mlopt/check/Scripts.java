package org.mlopt.check;

import org.mlopt.diag.Diagnostic;
import org.mlopt.diag.DiagnosticPrinter;
import org.mlopt.diag.SourceText;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: the checker's test scripts and how to run them. */
final class Scripts {

    static final Path ROOT = Path.of("src", "test", "resources", "check");

    private Scripts() {}

    static List<Path> list(String folder) {
        try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(".mlopt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and checks {@code text} as if it were a script in {@code dir}, against the test catalog. */
    static CheckResult check(String name, String text, Path dir) {
        ParseResult parsed = ScriptParser.parse(new SourceText(name, text));
        return Checker.check(parsed, dir, TestCatalog.REGISTRY);
    }

    static CheckResult check(Path script) {
        return check(script.getFileName().toString(), read(script), script.toAbsolutePath().getParent());
    }

    static CheckResult checkGood(String text) {
        return check("test.mlopt", text, ROOT.resolve("good").toAbsolutePath());
    }

    static List<String> compact(CheckResult r) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : r.diagnostics().sorted()) out.add(DiagnosticPrinter.compact(d));
        return out;
    }

    static String render(String name, String text, CheckResult r) {
        return DiagnosticPrinter.renderAll(new SourceText(name, text), r.diagnostics());
    }
}
