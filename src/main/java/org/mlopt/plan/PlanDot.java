package org.mlopt.plan;

import java.util.HashSet;
import java.util.Set;

/**
 * Renders a plan as Graphviz DOT: one box per step, a note per external file, an edge per
 * artifact passed (labelled with the artifact), and a cluster per search. Every id is quoted and
 * every label escaped, so names with quotes or backslashes cannot break the file.
 */
public final class PlanDot {

    private PlanDot() {}

    public static String render(ExecutionGraph graph) {
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote("plan " + graph.sourceName())).append(" {\n");
        out.append("  rankdir=TB;\n");
        out.append("  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=8];\n");
        for (Artifact a : graph.artifacts().values())
            if (a.external()) out.append("  ").append(quote(a.id())).append(" [shape=note, label=").append(quote(a.description())).append("];\n");
        Set<String> grouped = new HashSet<>();
        for (StepGroup g : graph.groups()) grouped.addAll(g.stepIds());
        Set<String> groupsDone = new HashSet<>();
        for (Step s : graph.steps()) {
            if (!grouped.contains(s.id())) {
                node(out, "  ", s);
                continue;
            }
            if (s.group() == null || !groupsDone.add(s.group())) continue;
            StepGroup g = graph.group(s.group()).orElseThrow();
            SearchSummary sum = g.summary();
            out.append("  subgraph ").append(quote("cluster_" + g.id())).append(" {\n");
            out.append("    label=").append(quote(g.label() + "\n" + sum.strategy() + ": " + sum.candidates() + " x "
                    + sum.folds() + " folds = " + sum.fits() + " fits" + (sum.refits() > 0 ? " + refit" : ""))).append(";\n");
            out.append("    style=rounded; color=\"#4477aa\";\n");
            for (String id : g.stepIds()) node(out, "    ", graph.step(id).orElseThrow());
            out.append("  }\n");
        }
        for (Step s : graph.steps()) {
            for (String in : s.inputs()) {
                String from = graph.producer(in).map(Step::id).orElse(in);
                out.append("  ").append(quote(from)).append(" -> ").append(quote(s.id()));
                if (graph.artifact(in).kind() != ArtifactKind.SCORES) out.append(" [label=").append(quote(in)).append(']');
                out.append(";\n");
            }
        }
        out.append("}\n");
        return out.toString();
    }

    private static void node(StringBuilder out, String indent, Step s) {
        StringBuilder label = new StringBuilder(s.kind().name()).append('\n').append(s.label());
        StepAttributes a = s.attributes();
        if (a.shape().rows() >= 0) label.append('\n').append(a.shape());
        if (a.flops() > 0) label.append('\n').append(PlanText.cost(a.flops()));
        out.append(indent).append(quote(s.id())).append(" [label=").append(quote(label.toString()));
        if (s.kind() == StepKind.FIT) out.append(", style=dashed");
        out.append("];\n");
    }

    /** A DOT double-quoted string: backslashes and quotes escaped, line breaks as \n. */
    static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> { }
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

}
