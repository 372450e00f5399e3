package org.mlopt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Distilled student against the same student trained alone. With several seeds
 * ({@code details.per_seed}, each with the student's {@code metrics} and the alone-trained
 * {@code baseline_metrics}; on a distill step {@code train_accuracy_student} and
 * {@code train_accuracy_baseline}): the first metric per seed as paired dots, then their mean ±
 * sample standard deviation. With one seed: every metric both report, side by side.
 */
final class DistillCharts {

    private DistillCharts() {}

    /** One column (a seed, or a metric) with the distilled student's and the alone-trained student's value (NaN when not measured). */
    record Pair(String column, double distilled, double alone) {}

    /** Mean and sample standard deviation (n − 1; NaN for one value) of the finite values. */
    record Summary(double mean, double sd) {

        static Summary of(double[] values) {
            double sum = 0;
            int n = 0;
            for (double v : values)
                if (Double.isFinite(v)) {
                    sum += v;
                    n++;
                }
            if (n == 0) return new Summary(Double.NaN, Double.NaN);
            double mean = sum / n, sq = 0;
            for (double v : values) if (Double.isFinite(v)) sq += (v - mean) * (v - mean);
            return new Summary(mean, n > 1 ? Math.sqrt(sq / (n - 1)) : Double.NaN);
        }
    }

    static List<Figure> of(StepRecord step) {
        List<Figure> out = new ArrayList<>();
        Figure seeds = perSeed(step);
        if (seeds != null) out.add(seeds);
        else {
            Figure one = singleSeed(step);
            if (one != null) out.add(one);
        }
        return out;
    }

    private static Figure perSeed(StepRecord step) {
        if (!(step.details().get("per_seed") instanceof List<?> list) || list.size() < 2) return null;
        Map<String, Object> firstEntry = StepRecord.map(list.get(0));
        String metric = null;
        boolean nested = firstEntry.get("metrics") instanceof Map<?, ?>;
        if (nested) {
            for (Map.Entry<String, Object> e : StepRecord.map(firstEntry.get("metrics")).entrySet())
                if (e.getValue() instanceof Number) {
                    metric = e.getKey();
                    break;
                }
        } else if (firstEntry.get("train_accuracy_student") instanceof Number) metric = "train accuracy";
        if (metric == null) return null;
        List<Pair> pairs = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> e = StepRecord.map(o);
            double d = nested ? StepRecord.number(StepRecord.map(e.get("metrics")).get(metric)) : StepRecord.number(e.get("train_accuracy_student"));
            double a = nested ? StepRecord.number(StepRecord.map(e.get("baseline_metrics")).get(metric)) : StepRecord.number(e.get("train_accuracy_baseline"));
            Object seed = e.get("seed");
            pairs.add(new Pair("seed " + (seed instanceof Number n ? Svg.human(n.doubleValue(), 12) : String.valueOf(seed)), d, a));
        }
        boolean withAlone = pairs.stream().anyMatch(p -> Double.isFinite(p.alone()));
        String svg = SvgPlot.paired(metric + " by seed", "seed", metric, pairs, true);
        return new Figure(Figure.fileName(step.id(), "seeds-" + metric), svg,
                "One column per seed" + (withAlone ? ": the distilled student and the same student trained without its teacher, with the same seed" : "")
                        + "; last, the mean ± sample standard deviation over the " + pairs.size() + " seeds.");
    }

    private static Figure singleSeed(StepRecord step) {
        Map<String, Object> baseline = StepRecord.map(step.details().get("baseline_metrics"));
        if (baseline.isEmpty()) return null;
        List<Pair> pairs = new ArrayList<>();
        for (Map.Entry<String, Double> m : step.scalarMetrics().entrySet())
            if (baseline.get(m.getKey()) instanceof Number alone) pairs.add(new Pair(m.getKey(), m.getValue(), alone.doubleValue()));
        if (pairs.isEmpty()) return null;
        return new Figure(Figure.fileName(step.id(), "distilled-vs-alone"),
                SvgPlot.paired("distilled student against student alone", "metric", "value", pairs, false),
                "Each metric of the distilled student, and of the same student trained without its teacher.");
    }
}
