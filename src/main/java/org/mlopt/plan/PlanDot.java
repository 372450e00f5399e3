package org.mlopt.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Renders a plan as Graphviz DOT: one box per step, a note per external file, an edge per
 * artifact passed (labelled with the artifact), and a cluster per search. A search with more than
 * {@link #MAX_FITS_SHOWN} fits shows them (and its promotions) as one summary node, so a plan of
 * thousands of fits still renders. Every id is quoted and every label escaped, so names with
 * quotes or backslashes cannot break the file.
 */
public final class PlanDot {

    /** Searches with more FIT steps than this are drawn with one node for all their fits. */
    public static final int MAX_FITS_SHOWN = 50;

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
        Map<String, String> collapsed = new HashMap<>();
        for (StepGroup g : graph.groups()) {
            grouped.addAll(g.stepIds());
            if (g.summary().fits() > MAX_FITS_SHOWN)
                for (String id : g.stepIds()) {
                    StepKind kind = graph.step(id).orElseThrow().kind();
                    if (kind == StepKind.FIT || kind == StepKind.PROMOTE) collapsed.put(id, g.id() + ".fits");
                }
        }
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
            out.append("    label=").append(quote(g.label() + "\n" + PlanText.summaryLine(sum))).append(";\n");
            out.append("    style=rounded; color=\"#4477aa\";\n");
            boolean summaryDrawn = false;
            for (String id : g.stepIds()) {
                if (!collapsed.containsKey(id)) node(out, "    ", graph.step(id).orElseThrow());
                else if (!summaryDrawn) {
                    summaryDrawn = true;
                    out.append("    ").append(quote(collapsed.get(id))).append(" [label=").append(quote("FIT x " + sum.fits() + "\n"
                            + sum.candidates() + " configurations, " + sum.folds() + " folds")).append(", style=dashed];\n");
                }
            }
            out.append("  }\n");
        }
        Set<String> edges = new HashSet<>();
        for (Step s : graph.steps()) {
            String to = collapsed.getOrDefault(s.id(), s.id());
            for (String in : s.inputs()) {
                String from = graph.producer(in).map(p -> collapsed.getOrDefault(p.id(), p.id())).orElse(in);
                boolean labelled = graph.artifact(in).kind() != ArtifactKind.SCORES && graph.artifact(in).kind() != ArtifactKind.SURVIVORS;
                if (from.equals(to) || !edges.add(from + "\u0000" + to + "\u0000" + (labelled ? in : ""))) continue;
                out.append("  ").append(quote(from)).append(" -> ").append(quote(to));
                if (labelled) out.append(" [label=").append(quote(in)).append(']');
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
