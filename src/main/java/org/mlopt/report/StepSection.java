package org.mlopt.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report section of one step, built from what the step recorded rather than from its kind,
 * so kinds added later (prune, distill) render without changes: its metrics as cards,
 * confusion matrices as heat maps, per-epoch charts of any history, the search's trials
 * when there are any, and the remaining details.
 */
final class StepSection {

    /** Details shown elsewhere in the section, not in the facts table. */
    private static final Set<String> SHOWN_ELSEWHERE = Set.of("trial_scores", "best_params", "roc");

    private StepSection() {}

    static String anchor(StepRecord step) {
        return "step-" + step.id().replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    static String render(StepRecord step, List<Figure> collect) {
        StringBuilder sb = new StringBuilder();
        sb.append("<section class=\"step kind-").append(Html.esc(step.kind().replaceAll("[^A-Za-z0-9_-]", ""))).append("\" id=\"").append(anchor(step))
                .append("\" data-kind=\"").append(Html.esc(step.kind())).append("\" data-step=\"").append(Html.esc(step.id())).append("\">\n");
        sb.append("<h2><span class=\"badge\">").append(Html.esc(step.kind())).append("</span>").append(Html.esc(subject(step)))
                .append("<span class=\"stepid\">step ").append(Html.esc(step.id())).append("</span></h2>\n");

        Map<String, Double> scalars = step.scalarMetrics();
        if (!scalars.isEmpty()) {
            sb.append("<div class=\"cards metrics\">\n");
            for (Map.Entry<String, Double> e : scalars.entrySet())
                sb.append("<div class=\"card\"><div class=\"label\">").append(Html.esc(e.getKey())).append("</div><div class=\"big\">")
                        .append(Html.number(e.getValue())).append("</div></div>\n");
            sb.append("</div>\n");
        }
        double[] loss = HistoryCharts.column(step.history(), "loss");
        if (loss.length > 1) {
            List<Double> l = new ArrayList<>();
            for (double d : loss) l.add(d);
            sb.append("<p>loss by epoch").append(Sparkline.logScaled(l) ? " (log scale)" : "").append(" <span class=\"spark\">")
                    .append(Html.esc(Sparkline.ofLoss(l, 80))).append("</span></p>\n");
        }

        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, Object> e : step.metrics().entrySet()) {
            Figure f = confusion(step, e.getKey(), e.getValue());
            if (f != null) figures.add(f);
        }
        figures.addAll(HistoryCharts.of(step));
        Figure roc = roc(step);
        if (roc != null) figures.add(roc);
        figures.addAll(PruneCharts.of(step));
        figures.addAll(DistillCharts.of(step));
        Figure coefficients = coefficients(step);
        if (coefficients != null) figures.add(coefficients);
        SearchTrials trials = SearchTrials.of(step);
        if (trials != null) {
            sb.append(bestParams(step, trials));
            figures.addAll(SearchCharts.of(step, trials));
        }
        if (!figures.isEmpty()) sb.append("<h3>Plots</h3>\n").append(Html.figures(figures));
        collect.addAll(figures);

        List<List<String>> facts = new ArrayList<>();
        for (Map.Entry<String, Object> e : step.details().entrySet())
            if (!SHOWN_ELSEWHERE.contains(e.getKey())) facts.add(List.of(Html.esc(e.getKey().replace('_', ' ')), Html.value(e.getValue())));
        if (!facts.isEmpty()) sb.append("<h3>Details</h3>\n").append(Html.table("details", List.of("", ""), facts));
        if (trials != null) sb.append(trialTable(step, trials));
        return sb.append("</section>\n").toString();
    }

    private static String subject(StepRecord step) {
        String s = step.model();
        if (!step.data().isEmpty()) s += " on " + step.data();
        return s.isEmpty() ? step.id() : s;
    }

    /** A heat map for a metric recorded as {@code {"labels": [...], "counts": [[...]]}}. */
    private static Figure confusion(StepRecord step, String name, Object value) {
        Map<String, Object> m = StepRecord.map(value);
        if (!(m.get("labels") instanceof List<?> labels) || !(m.get("counts") instanceof List<?> rows) || rows.size() != labels.size()) return null;
        int n = labels.size();
        long[][] counts = new long[n][n];
        for (int i = 0; i < n; i++) {
            if (!(rows.get(i) instanceof List<?> row) || row.size() != n) return null;
            for (int j = 0; j < n; j++) counts[i][j] = row.get(j) instanceof Number x ? x.longValue() : 0;
        }
        List<String> names = new ArrayList<>();
        for (Object l : labels) names.add(String.valueOf(l));
        String svg = SvgPlot.heatMap(name.replace('_', ' '), "true class", "predicted class", names, counts);
        return new Figure(Figure.fileName(step.id(), name), svg, "Counts of test rows by true class (rows) and predicted class (columns); shade is the share of the row.");
    }

    /** The ROC curve of a binary evaluation ({@code details.roc}: fpr and tpr lists), with the chance diagonal. */
    private static Figure roc(StepRecord step) {
        Map<String, Object> roc = StepRecord.map(step.details().get("roc"));
        if (!(roc.get("fpr") instanceof List<?> fpr) || !(roc.get("tpr") instanceof List<?> tpr) || fpr.size() != tpr.size() || fpr.size() < 2)
            return null;
        double[] x = new double[fpr.size()];
        double[] y = new double[tpr.size()];
        for (int i = 0; i < x.length; i++) {
            if (!(fpr.get(i) instanceof Number a) || !(tpr.get(i) instanceof Number b)) return null;
            x[i] = a.doubleValue();
            y[i] = b.doubleValue();
        }
        String svg = SvgPlot.lineChart("ROC curve (positive: " + roc.get("positive") + ")", "false positive rate", "true positive rate",
                List.of(new SvgPlot.Series("model", x, y, SvgPlot.Style.SOLID),
                        new SvgPlot.Series("chance", new double[] {0, 1}, new double[] {0, 1}, SvgPlot.Style.DASHED)), null, false);
        return new Figure(Figure.fileName(step.id(), "roc"), svg,
                "True against false positive rate as the threshold on the positive class's probability falls; the diagonal is guessing.");
    }

    /** Bars of a linear model's {@code details.coefficients} when they are one flat list of numbers. */
    private static Figure coefficients(StepRecord step) {
        if (!(step.details().get("coefficients") instanceof List<?> list) || list.isEmpty() || list.size() > 200) return null;
        double[] v = new double[list.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (!(list.get(i) instanceof Number n)) return null;
            v[i] = n.doubleValue();
            names.add("feature " + (i + 1));
        }
        long zeros = java.util.Arrays.stream(v).filter(x -> x == 0).count();
        String svg = SvgPlot.barChart("coefficients", "coefficient", names, v);
        return new Figure(Figure.fileName(step.id(), "coefficients"), svg,
                "One bar per input feature, in column order; negative in red." + (zeros > 0 ? " " + zeros + " are exactly zero." : ""));
    }

    private static String bestParams(StepRecord step, SearchTrials s) {
        StringBuilder sb = new StringBuilder("<h3>Best parameters</h3>\n");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Object> e : StepRecord.map(step.details().get("best_params")).entrySet())
            rows.add(List.of(Html.esc(e.getKey()), "<strong>" + Html.value(e.getValue()) + "</strong>"));
        if (s.best() >= 0) {
            SearchTrials.Trial b = s.trials().get(s.best());
            rows.add(List.of("mean " + Html.esc(s.scoring()), Html.number(b.score())
                    + (Double.isFinite(b.std()) ? " <span class=\"muted\">± " + Html.esc(Svg.human(b.std(), 2)) + "</span>" : "")));
            rows.add(List.of("trial", Integer.toString(b.number()) + " of " + s.trials().size()));
        }
        return sb.append(Html.table("best", List.of("parameter", "value"), rows)).toString();
    }

    private static String trialTable(StepRecord step, SearchTrials s) {
        // With several objectives, each one's mean after the ranking score (the first objective).
        List<String> others = new ArrayList<>();
        if (step.details().get("objectives") instanceof List<?> objectives)
            for (Object o : objectives) {
                String metric = StepRecord.text(StepRecord.map(o).get("metric"));
                if (!metric.isEmpty() && !metric.equals(s.scoring())) others.add(metric);
            }
        List<?> rawRows = step.details().get("trial_scores") instanceof List<?> l ? l : List.of();
        java.util.Map<Integer, Map<String, Object>> rowByTrial = new java.util.HashMap<>();
        for (Object o : rawRows) {
            Map<String, Object> row = StepRecord.map(o);
            if (row.get("trial") instanceof Number n) rowByTrial.put(n.intValue(), row);
        }
        List<String> header = new ArrayList<>(List.of("trial"));
        for (String p : s.parameters()) header.add(Html.esc(p));
        boolean rungs = s.trials().stream().anyMatch(t -> t.budget() != null);
        if (rungs) header.addAll(List.of("bracket", "rung", Html.esc(s.trials().stream().filter(t -> t.budget() != null).findFirst().get().budget().kind())));
        header.addAll(List.of("mean " + Html.esc(s.scoring()), "std"));
        for (String m : others) header.add("mean " + Html.esc(m));
        header.add("state");
        List<SearchTrials.Trial> sorted = new ArrayList<>(s.trials());
        Comparator<SearchTrials.Trial> byScore = Comparator.comparingDouble(t -> Double.isFinite(t.score()) ? t.score() : Double.NEGATIVE_INFINITY);
        sorted.sort(s.maximize() ? byScore.reversed() : Comparator.comparingDouble(t -> Double.isFinite(t.score()) ? t.score() : Double.POSITIVE_INFINITY));
        List<List<String>> rows = new ArrayList<>();
        for (SearchTrials.Trial t : sorted) {
            List<String> r = new ArrayList<>(List.of(Integer.toString(t.number())));
            for (String p : s.parameters()) r.add(Html.value(t.params().get(p)));
            if (rungs) {
                r.add(t.bracket() < 0 ? "" : Integer.toString(t.bracket()));
                r.add(t.rung() < 0 ? "" : Integer.toString(t.rung()));
                r.add(t.budget() == null ? "" : Html.number(t.budget().units()));
            }
            r.add(Html.number(t.score()));
            r.add(Html.number(t.std()));
            for (String m : others) r.add(Html.number(StepRecord.number(rowByTrial.getOrDefault(t.number(), Map.of()).get("mean_" + m))));
            r.add(Html.esc(t.state()));
            rows.add(r);
        }
        return "<details>\n<summary>All " + s.trials().size() + " trials, best first</summary>\n" + Html.table("trials", header, rows) + "</details>\n";
    }
}
