package org.mlopt.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlopt.plan.PlanTestSupport.plan;
import static org.mlopt.plan.PlanTestSupport.planResource;

class PlanDotTest {

    /** Tokens of a DOT file: quoted strings (with escapes), punctuation, bare words. */
    private static List<String> tokens(String dot) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < dot.length()) {
            char c = dot.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            if (c == '"') {
                int j = i + 1;
                while (dot.charAt(j) != '"') j += dot.charAt(j) == '\\' ? 2 : 1;
                out.add(dot.substring(i, j + 1));
                i = j + 1;
            } else if (dot.startsWith("->", i)) {
                out.add("->");
                i += 2;
            } else if ("{}[];=,".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                int j = i;
                while (j < dot.length() && !Character.isWhitespace(dot.charAt(j)) && "{}[];=,\"".indexOf(dot.charAt(j)) < 0) j++;
                out.add(dot.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    private static void assertSane(String dot) {
        List<String> t = tokens(dot);
        DotSyntax.check(t);
        assertEquals("digraph", t.get(0));
        assertEquals("}", t.get(t.size() - 1));
        int depth = 0;
        for (String tok : t) {
            if (tok.equals("{")) depth++;
            if (tok.equals("}")) depth--;
            assertTrue(depth >= 0, "a '}' closes nothing");
        }
        assertEquals(0, depth, "braces balance");
        int brackets = 0;
        for (String tok : t) brackets += tok.equals("[") ? 1 : tok.equals("]") ? -1 : 0;
        assertEquals(0, brackets, "attribute brackets balance");

        Set<String> declared = new HashSet<>();
        Pattern node = Pattern.compile("^\\s*(\"(?:[^\"\\\\]|\\\\.)*\") \\[", Pattern.MULTILINE);
        Matcher m = node.matcher(dot);
        while (m.find()) declared.add(m.group(1));
        Pattern edge = Pattern.compile("^\\s*(\"(?:[^\"\\\\]|\\\\.)*\") -> (\"(?:[^\"\\\\]|\\\\.)*\")", Pattern.MULTILINE);
        m = edge.matcher(dot);
        int edges = 0;
        while (m.find()) {
            edges++;
            assertTrue(declared.contains(m.group(1)), "edge source declared: " + m.group(1));
            assertTrue(declared.contains(m.group(2)), "edge target declared: " + m.group(2));
        }
        assertTrue(edges > 0);
        // Every edge and node line uses quoted ids only.
        for (String line : dot.split("\n")) {
            String s = line.strip();
            if (s.contains("->")) assertTrue(s.startsWith("\""), "quoted edge source: " + s);
        }
    }

    @Test
    void goldenScriptsRenderSaneDot() {
        for (String script : List.of("tutorial_grid.mlopt", "random_network.mlopt", "conditional_grid.mlopt", "halving.mlopt",
                "prune_distill.mlopt"))
            assertSane(PlanDot.render(planResource(script)));
    }

    @Test
    void searchesBecomeClustersAndEveryStepANode() {
        ExecutionGraph g = planResource("tutorial_grid.mlopt");
        String dot = PlanDot.render(g);
        assertTrue(dot.contains("subgraph \"cluster_s5\" {"));
        for (Step s : g.steps())
            if (s.kind() != StepKind.FIT) assertTrue(dot.contains("\"" + s.id() + "\" [label="), s.id());
        assertTrue(dot.contains("\"file:data/breast_cancer.csv\" [shape=note"));
    }

    @Test
    void theSyntaxCheckRejectsBrokenDot() {
        assertThrows(IllegalArgumentException.class, () -> DotSyntax.check(tokens("digraph \"g\" { \"a\" -> ; }")));
        assertThrows(IllegalArgumentException.class, () -> DotSyntax.check(tokens("digraph \"g\" { \"a\" [label=\"x\"; }")));
        assertThrows(IllegalArgumentException.class, () -> DotSyntax.check(tokens("digraph \"g\" { a-b -> c; }")));
        assertThrows(IllegalArgumentException.class, () -> DotSyntax.check(tokens("digraph \"g\" { subgraph \"c\" { \"a\"; }")));
        DotSyntax.check(tokens("digraph \"g\" { rankdir=TB; node [shape=box]; \"a\" -> \"b\" [label=\"x\\\"y\"]; }"));
    }

    @Test
    void largeSearchesAreDrawnAsOneNode() {
        ExecutionGraph g = planResource("tutorial_grid.mlopt");
        String dot = PlanDot.render(g);
        assertSane(dot);
        assertTrue(dot.contains("\"s5.fits\" [label=\"FIT x 60\\n12 configurations, 5 folds\""), dot);
        assertFalse(dot.contains("\"s5.t1.f1\""), "individual fits are not drawn");
        // One edge from the data into the fits, one from the fits to the selection.
        assertEquals(1, dot.split("\"s5.fits\" -> \"s5.select\"", -1).length - 1);
        assertTrue(dot.contains("\"s3.apply.train\" -> \"s5.fits\" [label=\"train#2\"]"));

        ExecutionGraph halving = planResource("halving.mlopt");
        assertTrue(halving.groups().get(0).summary().fits() <= PlanDot.MAX_FITS_SHOWN);
        String small = PlanDot.render(halving);
        assertSane(small);
        assertTrue(small.contains("\"s5.r1.promote\" -> \"s5.r2.c1.f1\""), "small searches show every fit and promotion");
    }

    @Test
    void labelsWithQuotesAndBackslashesAreEscaped() {
        ExecutionGraph g = plan("""
                data d = synthetic_regression(samples: 50, features: 3, seed: 0)
                model r = ridge()
                train r on d
                save r to "models/a \\"quoted\\" \\\\ name.mlm"
                """);
        String dot = PlanDot.render(g);
        assertSane(dot);
        // The path's value is: models/a "quoted" \ name.mlm
        assertTrue(dot.contains("models/a \\\"quoted\\\" \\\\ name.mlm"), dot);
        assertFalse(dot.contains("a \"quoted\""), "no raw quote inside a label");
        assertEquals("\"a\\\\b\\\"c\\nd\"", PlanDot.quote("a\\b\"c\nd"));
    }
}
