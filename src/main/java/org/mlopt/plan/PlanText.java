package org.mlopt.plan;

import org.mlopt.ast.Span;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A readable text view of a plan ({@code mlopt plan}): each step with its inputs and outputs,
 * data shapes, parameter counts, seeds and cost; each search as one block
 * ("12 candidates x 5 folds = 60 fits + 1 refit"); then the totals and the warnings.
 */
public final class PlanText {

    /** Grid candidates listed one per line before the rest are summarised. */
    static final int CANDIDATES_SHOWN = 12;

    private final ExecutionGraph graph;
    private final StringBuilder out = new StringBuilder();

    private PlanText(ExecutionGraph graph) {
        this.graph = graph;
    }

    public static String render(ExecutionGraph graph) {
        return new PlanText(graph).render();
    }

    private String render() {
        out.append("plan of ").append(graph.sourceName()).append(" (run seed ").append(graph.runSeed()).append(")\n");
        Set<String> groupsDone = new HashSet<>();
        for (Step s : graph.steps()) {
            out.append('\n');
            if (s.group() != null) {
                if (groupsDone.add(s.group())) group(graph.group(s.group()).orElseThrow());
                else out.setLength(out.length() - 1);
                continue;
            }
            step(s);
        }
        totals();
        return out.toString();
    }

    private void step(Step s) {
        header(s.id(), s.kind().name(), s.label(), s.span());
        line((s.inputs().isEmpty() ? "(generated)" : String.join(", ", inputs(s.inputs()))) + " -> " + String.join(", ", s.outputs()));
        List<String> facts = new ArrayList<>();
        StepAttributes a = s.attributes();
        if (a.shape().rows() >= 0 || a.shape().features() >= 0) facts.add(a.shape().toString());
        if (a.parameters() >= 0) facts.add(PlanFormat.count(a.parameters()) + " parameters");
        a.details().forEach((k, v) -> facts.add(k + " " + v));
        s.seed().ifPresent(seed -> facts.add("seed " + seed));
        if (!facts.isEmpty()) line(String.join(", ", facts));
        if (a.flops() != 0) line("cost " + (a.flops() < 0 ? "unknown" : cost(a.flops())));
    }

    private void group(StepGroup g) {
        SearchSummary sum = g.summary();
        header(g.id(), "SEARCH", g.label(), g.span());
        line(summaryLine(sum));
        for (Rung r : sum.rungs())
            line("  " + (sum.strategy().equals("hyperband") ? "bracket " + (r.bracket() + 1) + " " : "") + "rung "
                    + (r.index() + 1) + ": " + r.configs() + " x " + PlanFormat.number(r.resource()) + " " + sum.resource());
        List<Step> steps = new ArrayList<>();
        for (String id : g.stepIds()) steps.add(graph.step(id).orElseThrow());
        Step first = steps.get(0);
        String cvSeed = first.settings().containsKey("cv.seed") ? ", fold seed " + first.settings().get("cv.seed") : "";
        line("cross-validation: " + first.settings().getOrDefault("cv", "?") + cvSeed);
        if (first.settings().containsKey("sampler.seed")) line("sampler seed: " + first.settings().get("sampler.seed"));
        for (int i = 0; i < sum.space().size(); i++) line((i == 0 ? "space: " : "       ") + sum.space().get(i));
        candidates(sum.grid());
        double fitFlops = 0, refitFlops = 0;
        boolean unknown = false;
        Step refit = null;
        for (Step s : steps) {
            unknown |= s.attributes().flops() < 0;
            if (s.kind() == StepKind.FIT) fitFlops += Math.max(0, s.attributes().flops());
            if (s.kind() == StepKind.REFIT) {
                refit = s;
                refitFlops = Math.max(0, s.attributes().flops());
            }
        }
        StepAttributes fa = first.attributes();
        long fewest = Long.MAX_VALUE, most = -1;
        for (Step s : steps)
            if (s.kind() == StepKind.FIT && s.attributes().parameters() >= 0) {
                fewest = Math.min(fewest, s.attributes().parameters());
                most = Math.max(most, s.attributes().parameters());
            }
        String params = most < 0 ? "" : ", " + (fewest == most ? PlanFormat.count(most)
                : PlanFormat.count(fewest) + " to " + PlanFormat.count(most)) + " parameters";
        line("each fit: " + fa.shape() + params
                + (sum.strategy().equals("grid") || !sum.rungs().isEmpty() ? "" : " (at the space's mean)"));
        String replayed = first.settings().containsKey("replay.prune") ? "then prunes it: prune " + first.settings().get("replay.prune")
                : first.settings().containsKey("replay.distill") ? "distils instead of training: distill " + first.settings().get("replay.distill")
                : null;
        if (replayed != null) line("each trial " + replayed + " (not in the cost)");
        line("in: " + String.join(", ", inputs(List.of(first.inputs().get(0)))));
        if (refit != null)
            line("out: " + String.join(", ", refit.outputs()) + " (best configuration refitted on " + refit.attributes().shape() + ")");
        line("cost " + (unknown ? lowerBound(fitFlops) : cost(fitFlops)) + " for the fits"
                + (refit != null ? " + " + cost(refitFlops) + " for the refit" : ""));
    }

    /**
     * The size of a search in one line: {@code grid: 12 candidates x 5 folds = 60 fits + 1 refit},
     * or for halving and Hyperband {@code halving: 27 configurations, 4 rungs; 40 runs x 1 fold = 40 fits + 1 refit}.
     */
    public static String summaryLine(SearchSummary sum) {
        if (sum.rungs().isEmpty()) {
            String unit = sum.strategy().equals("grid") ? "candidates" : "trials";
            return sum.strategy() + ": " + sum.candidates() + " " + unit + " x " + folds(sum.folds()) + " = "
                    + PlanFormat.count(sum.fits()) + " fits" + refit(sum);
        }
        int runs = 0;
        for (Rung r : sum.rungs()) runs += r.configs();
        return sum.strategy() + ": " + sum.candidates() + " configurations, " + sum.rungs().size() + " rungs; "
                + runs + " runs x " + folds(sum.folds()) + " = " + PlanFormat.count(sum.fits()) + " fits" + refit(sum);
    }

    private void candidates(List<Map<String, String>> grid) {
        int shown = grid.size() <= CANDIDATES_SHOWN + 2 ? grid.size() : CANDIDATES_SHOWN;
        for (int i = 0; i < shown; i++) line(String.format("  #%-3d %s", i + 1, SearchPlanner.render(grid.get(i))));
        if (shown < grid.size()) line("  ... " + (grid.size() - shown) + " more");
    }

    private void totals() {
        double flops = graph.totalFlops();
        boolean unknown = graph.steps().stream().anyMatch(s -> s.attributes().flops() < 0);
        out.append("\ntotal: ").append(graph.steps().size()).append(" steps, ").append(PlanFormat.count(graph.totalFits()))
                .append(" fits, ").append(unknown ? lowerBound(flops) : cost(flops)).append('\n');
        if (unknown) out.append("  (steps of unknown cost are not counted: data without a row count, training without epochs, models of unknown shape)\n");
        if (!graph.warnings().isEmpty()) {
            out.append("warnings:\n");
            for (String w : graph.warnings()) out.append("  - ").append(w).append('\n');
        }
    }

    private List<String> inputs(List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            Artifact a = graph.artifact(id);
            out.add(a.kind() == ArtifactKind.DATASET && a.shape().known() ? id + " (" + a.shape() + ")" : id);
        }
        return out;
    }

    private void header(String id, String kind, String label, Span span) {
        out.append(String.format("%-18s %-16s %s", id, kind, label));
        if (span != null && span.line() > 0) out.append("   [line ").append(span.line()).append(']');
        out.append('\n');
    }

    private void line(String text) {
        out.append(" ".repeat(19)).append(text).append('\n');
    }

    private static String folds(int folds) {
        return folds + (folds == 1 ? " fold" : " folds");
    }

    private static String refit(SearchSummary sum) {
        return sum.refits() > 0 ? " + " + sum.refits() + " refit" : "";
    }

    /** {@code ≈ 1.23 GFLOP (seconds)}. */
    static String cost(double flops) {
        return "≈ " + PlanFormat.flops(Math.max(0, flops)) + " (" + TimeClass.of(Math.max(0, flops)).label() + ")";
    }

    /** A total that leaves out steps of unknown cost. */
    static String lowerBound(double flops) {
        return "≥ " + PlanFormat.flops(Math.max(0, flops)) + " (" + TimeClass.of(Math.max(0, flops)).label() + " or more)";
    }
}
