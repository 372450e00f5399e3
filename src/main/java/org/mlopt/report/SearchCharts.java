package org.mlopt.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The figures of a search: each trial's score against each parameter (log axis for
 * parameters spanning two decades or more, categories for named choices), the best score so
 * far by trial number, and parallel coordinates of all trials; for halving and Hyperband the
 * rungs, and for two objectives the Pareto front.
 */
final class SearchCharts {

    private SearchCharts() {}

    static List<Figure> of(StepRecord step, SearchTrials s) {
        List<Figure> out = new ArrayList<>();
        SearchRungs rungs = SearchRungs.of(s);
        if (rungs != null) {
            String strategy = StepRecord.text(step.details().get("strategy"));
            String name = strategy.equals("hyperband") ? "Hyperband" : strategy.equals("halving") ? "successive halving" : strategy;
            int brackets = rungs.brackets().size();
            out.add(new Figure(Figure.fileName(step.id(), "rungs"),
                    SvgPlot.rungs(name + ": " + s.scoring() + " by budget" + (brackets > 1 ? ", per bracket" : ""), s.scoring(), rungs),
                    "One line per configuration through the rungs it reached, budget growing to the right; filled dots were promoted"
                            + " to the next rung, hollow dots stopped there" + (brackets > 1 ? "; one panel per bracket" : "") + "."));
        }
        Figure front = ParetoChart.figure(step, s);
        if (front != null) out.add(front);
        List<SvgPlot.Axis> axes = new ArrayList<>();
        // Halving and Hyperband trials ran on different budgets: their points are coloured by budget.
        java.util.TreeSet<Double> budgetSet = new java.util.TreeSet<>();
        for (SearchTrials.Trial t : s.trials()) if (t.budget() != null) budgetSet.add(t.budget().units());
        List<Double> budgets = new ArrayList<>(budgetSet);
        List<String> budgetNames = new ArrayList<>();
        for (double b : budgets) budgetNames.add(Svg.human(b) + " " + (rungs == null ? "" : rungs.resource()));
        for (String p : s.parameters()) {
            Scale x = scaleOf(s, p);
            axes.add(new SvgPlot.Axis(p, x));
            List<SvgPlot.Point> points = new ArrayList<>();
            for (int i = 0; i < s.trials().size(); i++) {
                SearchTrials.Trial t = s.trials().get(i);
                if (!Double.isFinite(t.score()) || !t.params().containsKey(p)) continue;
                int group = t.budget() == null ? -1 : budgets.indexOf(t.budget().units());
                points.add(new SvgPlot.Point(position(x, t.params().get(p)), t.score(), s.describe(t), i == s.best(), group));
            }
            boolean log = x instanceof LogScale;
            out.add(new Figure(Figure.fileName(step.id(), "score-vs-" + p), SvgPlot.scatter(s.scoring() + " by " + p + (log ? " (log axis)" : ""),
                    p, "mean " + s.scoring(), x, points, budgetNames),
                    budgets.isEmpty() ? "One point per trial; the best trial in red."
                            : "One point per trial, coloured by its budget (scores at small budgets are lower); the best trial in red."));
        }
        out.add(bestSoFar(step, s));
        if (!s.parameters().isEmpty()) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (SearchTrials.Trial t : s.trials())
                if (Double.isFinite(t.score())) {
                    lo = Math.min(lo, t.score());
                    hi = Math.max(hi, t.score());
                }
            axes.add(new SvgPlot.Axis(s.scoring(), LinearScale.covering(lo, hi, 6)));
            List<SvgPlot.Line> lines = new ArrayList<>();
            for (int i = 0; i < s.trials().size(); i++) {
                SearchTrials.Trial t = s.trials().get(i);
                if (!Double.isFinite(t.score())) continue;
                double[] v = new double[axes.size()];
                for (int a = 0; a < s.parameters().size(); a++) v[a] = position(axes.get(a).scale(), t.params().get(s.parameters().get(a)));
                v[v.length - 1] = t.score();
                lines.add(new SvgPlot.Line(v, t.score(), s.describe(t), i == s.best()));
            }
            out.add(new Figure(Figure.fileName(step.id(), "parallel"), SvgPlot.parallelCoordinates("trials in parallel coordinates", axes, lines, s.scoring()),
                    "One line per trial through its settings to its score; darker is better, the best in red."));
        }
        return out;
    }

    private static Figure bestSoFar(StepRecord step, SearchTrials s) {
        int n = s.trials().size();
        // Under halving and Hyperband, scores at smaller budgets are not comparable: only full-budget trials set the best.
        double full = Double.NEGATIVE_INFINITY;
        for (SearchTrials.Trial t : s.trials()) if (t.budget() != null) full = Math.max(full, t.budget().units());
        double[] x = new double[n], score = new double[n], best = new double[n];
        double running = Double.NaN;
        for (int i = 0; i < n; i++) {
            SearchTrials.Trial t = s.trials().get(i);
            x[i] = t.number();
            score[i] = t.score();
            boolean counts = t.budget() == null || t.budget().units() == full;
            if (counts && Double.isFinite(t.score()) && (Double.isNaN(running) || (s.maximize() ? t.score() > running : t.score() < running)))
                running = t.score();
            best[i] = running;
        }
        String svg = SvgPlot.lineChart("best " + s.scoring() + " so far", "trial", "mean " + s.scoring(),
                List.of(new SvgPlot.Series("trial", x, score, SvgPlot.Style.POINTS), new SvgPlot.Series("best so far", x, best, SvgPlot.Style.SOLID)), null, false);
        return new Figure(Figure.fileName(step.id(), "best-so-far"), svg, Double.isInfinite(full)
                ? "Each trial's score (dots) and the best found up to that trial (line)."
                : "Each trial's score at its budget (dots) and the best found up to that trial at the full budget (line).");
    }

    static Scale scaleOf(SearchTrials s, String p) {
        if (s.numeric(p)) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (SearchTrials.Trial t : s.trials())
                if (t.params().get(p) instanceof Number v) {
                    lo = Math.min(lo, v.doubleValue());
                    hi = Math.max(hi, v.doubleValue());
                }
            if (lo > hi) return LinearScale.covering(0, 1, 5);
            return LogScale.suits(lo, hi) ? LogScale.covering(lo, hi) : LinearScale.covering(lo, hi, 6);
        }
        Set<String> cats = new LinkedHashSet<>();
        for (SearchTrials.Trial t : s.trials()) if (t.params().containsKey(p)) cats.add(String.valueOf(t.params().get(p)));
        return new CategoryScale(new ArrayList<>(cats));
    }

    static double position(Scale scale, Object value) {
        if (scale instanceof CategoryScale c) return c.indexOf(String.valueOf(value));
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
