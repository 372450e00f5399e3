package org.mlopt.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlopt.ast.Span;
import org.mlopt.diag.Diagnostic;
import org.mlopt.schema.Component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-style robustness: the good scripts mutated at random (a character deleted, a token
 * duplicated, two tokens swapped, junk inserted) and random token soup must parse and check
 * without any exception, only diagnostics; a result is either a program with no errors or
 * errors with no program; spans stay inside the text. A deleted character inside a name that
 * the script uses elsewhere, or inside a component's name, must never pass silently. Seeded,
 * so every case is reproducible from its name.
 */
class CheckerRobustnessTest {

    private static final Pattern TOKEN = Pattern.compile(
            "\"[^\"\\n]*\"|[A-Za-z_][A-Za-z0-9_]*|[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?|->|#[^\\n]*|\\S");
    private static final String[] JUNK = {"{", "}", "(", ")", "[", "]", ",", ":", "=", "->", ".", "-", "\"", "\"x\"", ";",
            "0", "-1", "1e9", "0.5", "train", "data", "network", "space", "when", "dense", "adam", "test", "x", "\n", "é", "\\"};
    private static final String[] SOUP = {"data", "split", "model", "network", "train", "evaluate", "search", "prune", "distill",
            "save", "load", "report", "loss", "optimizer", "on", "fit", "preprocess", "space", "->", "=", ":", ",", "{", "}", "(",
            ")", "[", "]", ".", "-", "1", "0.5", "64", "0", "\"../data/iris.csv\"", "\"x\"", "true", "csv", "dense", "relu", "adam",
            "cross_entropy", "iris", "net", "clf", "test", "valid", "logistic_regression", "choice", "when", "uniform",
            "loguniform", "randint", "grid", "lr", "C", "penalty", "\n", " "};

    /** Cases per good script; raise it for a longer search: {@code -Dcheck.fuzz.cases=5000}. */
    private static final int CASES = Integer.getInteger("check.fuzz.cases", 130);

    private record Tok(int start, int end, String text) {}

    static Stream<Arguments> mutations() {
        List<Arguments> out = new ArrayList<>();
        for (Path script : Scripts.list("good"))
            for (int seed = 0; seed < CASES; seed++) out.add(Arguments.of(script.getFileName().toString(), seed));
        return out.stream();
    }

    static Stream<Integer> soupSeeds() {
        return Stream.iterate(0, i -> i + 1).limit(CASES);
    }

    private static List<Tok> tokens(String text) {
        List<Tok> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) if (!m.group().startsWith("#")) out.add(new Tok(m.start(), m.end(), m.group()));
        return out;
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("mutations")
    void mutatedGoodScriptsNeverCrash(String scriptName, int seed) {
        Path script = Scripts.ROOT.resolve("good").resolve(scriptName);
        String text = Scripts.read(script);
        Random random = new Random(seed * 7919L + scriptName.hashCode());
        List<Tok> toks = tokens(text);
        String mutated;
        int kind = seed % 4;
        Tok hit = null;
        int deleted = -1;
        if (kind == 0) {
            deleted = random.nextInt(text.length());
            mutated = text.substring(0, deleted) + text.substring(deleted + 1);
            for (Tok t : toks) if (t.start() <= deleted && deleted < t.end()) hit = t;
        } else if (kind == 1) {
            Tok t = toks.get(random.nextInt(toks.size()));
            mutated = text.substring(0, t.end()) + " " + t.text() + text.substring(t.end());
        } else if (kind == 2) {
            int i = random.nextInt(toks.size() - 1);
            int j = i + 1 + random.nextInt(Math.min(6, toks.size() - 1 - i));
            Tok a = toks.get(i);
            Tok b = toks.get(j);
            mutated = text.substring(0, a.start()) + b.text() + text.substring(a.end(), b.start()) + a.text() + text.substring(b.end());
        } else {
            int at = random.nextInt(text.length() + 1);
            mutated = text.substring(0, at) + JUNK[random.nextInt(JUNK.length)] + text.substring(at);
        }
        CheckResult r = checkWithoutCrash(scriptName, mutated, script.toAbsolutePath().getParent());
        Tok broken = hit;
        if (kind == 0 && broken != null && mustBreak(broken, text, toks, deleted))
            assertFalse(r.ok(), () -> "deleting a character of " + broken + " passed silently:\n" + mutated);
    }

    static Stream<Path> allScripts() {
        List<Path> out = new ArrayList<>(Scripts.list("good"));
        out.addAll(Scripts.list("bad"));
        return out.stream();
    }

    /** The checker must not depend on any component being registered: an empty and the shipped registry. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allScripts")
    void otherRegistriesNeverCrash(Path script) {
        String text = Scripts.read(script);
        org.mlopt.parse.ParseResult parsed = org.mlopt.parse.ScriptParser.parse(new org.mlopt.diag.SourceText("s.mlopt", text));
        Path dir = script.toAbsolutePath().getParent();
        for (org.mlopt.schema.Registry registry : List.of(new org.mlopt.schema.Registry(List.of()), org.mlopt.schema.Registry.standard())) {
            CheckResult r = Checker.check(parsed, dir, registry);
            assertTrue(r.ok() == (r.program() != null));
        }
    }

    /** The deletion property is not vacuous: many of the seeded deletions land where they must break the script. */
    @org.junit.jupiter.api.Test
    void deletionPropertyCoversManyCases() {
        int covered = 0;
        for (Path script : Scripts.list("good")) {
            String text = Scripts.read(script);
            List<Tok> toks = tokens(text);
            String name = script.getFileName().toString();
            for (int seed = 0; seed < 130; seed += 4) {
                Random random = new Random(seed * 7919L + name.hashCode());
                int deleted = random.nextInt(text.length());
                for (Tok t : toks) if (t.start() <= deleted && deleted < t.end() && mustBreak(t, text, toks, deleted)) covered++;
            }
        }
        assertTrue(covered >= 20, "only " + covered + " deletions exercise the property");
    }

    @ParameterizedTest(name = "soup seed {0}")
    @MethodSource("soupSeeds")
    void randomTokenSoupNeverCrashes(int seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        int n = 1 + random.nextInt(80);
        for (int i = 0; i < n; i++) text.append(SOUP[random.nextInt(SOUP.length)]).append(random.nextInt(4) == 0 ? "\n" : " ");
        checkWithoutCrash("soup.mlopt", text.toString(), Scripts.ROOT.resolve("good").toAbsolutePath());
    }

    /**
     * Whether a deletion inside {@code hit} must make the script fail: the token is a name the
     * script declares and uses more than once, or the name of a component call, and the
     * shortened word names nothing else that could stand in its place.
     */
    private static boolean mustBreak(Tok hit, String text, List<Tok> toks, int deleted) {
        if (!Character.isLetter(hit.text().charAt(0)) && hit.text().charAt(0) != '_') return false;
        String shortened = hit.text().substring(0, deleted - hit.start()) + hit.text().substring(deleted - hit.start() + 1);
        if (shortened.isEmpty() || Character.isDigit(shortened.charAt(0))) return false;
        Set<String> known = new HashSet<>();
        for (Tok t : toks) known.add(t.text());
        for (Component c : TestCatalog.REGISTRY.all()) known.add(c.name());
        if (known.contains(shortened)) return false;
        int uses = 0;
        for (Tok t : toks) if (t.text().equals(hit.text())) uses++;
        boolean callee = hit.end() < text.length() && text.charAt(hit.end()) == '(';
        boolean declared = Pattern.compile("(data|model|network|loss|optimizer|regularizer|schedule|load)\\s+" + Pattern.quote(hit.text()) + "\\b")
                .matcher(text).find() || Pattern.compile("\\b" + Pattern.quote(hit.text()) + "\\s*:\\s*0\\.\\d").matcher(text).find();
        return callee || declared && uses > 1;
    }

    private static CheckResult checkWithoutCrash(String name, String text, Path dir) {
        CheckResult r;
        try {
            r = Scripts.check(name, text, dir);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("crash on:\n" + text, e);
        }
        assertNotNull(r.diagnostics());
        if (r.ok()) {
            assertNotNull(r.program());
            assertFalse(r.diagnostics().hasErrors());
        } else {
            assertNull(r.program(), "a program with errors must not be returned");
            assertTrue(r.diagnostics().hasErrors(), "no program but no error either:\n" + text);
        }
        int lines = text.split("\n", -1).length;
        for (Diagnostic d : r.diagnostics().all()) {
            Span s = d.span();
            assertTrue(s.line() >= 0 && s.line() <= lines + 1, () -> "span " + s + " outside the text: " + d.message());
            assertFalse(d.message().isBlank());
        }
        if (text.hashCode() % 4 == 0) {
            CheckResult again = Scripts.check(name, text, dir);
            assertEquals(Scripts.compact(r), Scripts.compact(again), "checking is deterministic");
        }
        return r;
    }
}
