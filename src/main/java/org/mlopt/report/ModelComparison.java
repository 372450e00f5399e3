package org.mlopt.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bar charts of a metric that two or more evaluation steps report, one bar per step (ridge against lasso, say). */
final class ModelComparison {

    private ModelComparison() {}

    /** The charts as HTML; their figures are added to {@code collect}. Empty when fewer than two evaluations share a metric. */
    static String figures(List<StepRecord> steps, List<Figure> collect) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (StepRecord s : steps) {
            if (!s.kind().equals("evaluate")) continue;
            for (Map.Entry<String, Double> m : s.scalarMetrics().entrySet()) {
                names.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(s.model() + " on " + s.data());
                values.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(m.getValue());
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : names.entrySet()) {
            if (e.getValue().size() < 2) continue;
            double[] v = values.get(e.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
            figures.add(new Figure(Figure.fileName("evaluations", e.getKey()), SvgPlot.barChart(e.getKey() + " by evaluation", e.getKey(), e.getValue(), v),
                    "The same metric from each evaluation step."));
        }
        collect.addAll(figures);
        return Html.figures(figures);
    }
}
