package org.mlopt.exec;

import org.mlopt.distill.SeedSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the evaluation of a distilled student adds: the metrics of the same student trained without
 * its teacher ({@code baseline_metrics}, first seed), every seed's student and baseline metrics
 * ({@code per_seed}) and, per scalar metric, their mean and sample standard deviation over the
 * seeds ({@code seed_stats}).
 */
final class DistilledEvaluation {

    private DistilledEvaluation() {}

    /**
     * @param firstMetrics the evaluation's own metrics (those of the first seed's student)
     * @param evaluate     the requested metrics of a model on the evaluation data
     */
    static Map<String, Object> details(CompressionSteps.Distilled distilled, Map<String, Object> firstMetrics,
                                       Function<NetworkModel, Map<String, Object>> evaluate) {
        int n = distilled.seeds().size();
        boolean withBaseline = !distilled.baselines().isEmpty();
        List<Map<String, Object>> students = new ArrayList<>();
        List<Map<String, Object>> baselines = new ArrayList<>();
        List<Object> perSeed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> student = i == 0 ? firstMetrics : evaluate.apply(distilled.laterStudents().get(i - 1));
            students.add(student);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("seed", distilled.seeds().get(i));
            one.put("metrics", student);
            if (withBaseline) {
                Map<String, Object> baseline = evaluate.apply(distilled.baselines().get(i));
                baselines.add(baseline);
                one.put("baseline_metrics", baseline);
            }
            perSeed.add(one);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (withBaseline) out.put("baseline_metrics", baselines.get(0));
        out.put("per_seed", perSeed);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("metrics", stats(students));
        if (withBaseline) stats.put("baseline_metrics", stats(baselines));
        out.put("seed_stats", stats);
        return out;
    }

    /** Per scalar metric, {@code {mean, std}} over the seeds; matrices (confusion matrices) are left out. */
    static Map<String, Object> stats(List<Map<String, Object>> perSeed) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : perSeed.get(0).keySet()) {
            if (!(perSeed.get(0).get(key) instanceof Double)) continue;
            double[] values = new double[perSeed.size()];
            for (int i = 0; i < values.length; i++) values[i] = (Double) perSeed.get(i).get(key);
            SeedSummary s = SeedSummary.of(values);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mean", s.mean());
            m.put("std", s.std());
            out.put(key, m);
        }
        return out;
    }
}
