package org.mlopt.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trials of a two-objective search in objective space ({@code details.objectives}: the
 * first objective up, the second across), the Pareto front ({@code details.pareto_front}, trial
 * numbers) highlighted and joined by the staircase that bounds what the front attains.
 */
final class ParetoChart {

    /** An objective: the metric's name and whether larger is better. */
    record Objective(String metric, boolean maximize) {

        String axisLabel() {
            return metric + (maximize ? " (higher is better)" : " (lower is better)");
        }
    }

    /** A complete trial's place in objective space. */
    record Point(int trial, double x, double y, boolean front, String label) {}

    private ParetoChart() {}

    /** The chart of a search that names two objectives and a front, or null. */
    static Figure figure(StepRecord step, SearchTrials s) {
        if (!(step.details().get("objectives") instanceof List<?> objectives) || objectives.size() < 2) return null;
        if (!(step.details().get("pareto_front") instanceof List<?> frontList)) return null;
        Objective first = objective(objectives.get(0)), second = objective(objectives.get(1));
        if (first == null || second == null) return null;
        Set<Integer> front = new HashSet<>();
        for (Object o : frontList) if (o instanceof Number n) front.add(n.intValue());
        List<Point> points = new ArrayList<>();
        if (step.details().get("trial_scores") instanceof List<?> rows)
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = StepRecord.map(rows.get(i));
                String state = StepRecord.text(row.get("state"));
                if (!state.isEmpty() && !state.equals("complete")) continue;
                double y = StepRecord.number(row.get("mean_" + first.metric())), x = StepRecord.number(row.get("mean_" + second.metric()));
                if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
                double n = StepRecord.number(row.get("trial"));
                int trial = Double.isNaN(n) ? i : (int) n;
                String label = i < s.trials().size() ? s.describe(s.trials().get(i)).replaceFirst(" → .*$", "") : "trial " + trial;
                label += " → " + first.metric() + " " + Svg.human(y, 6) + ", " + second.metric() + " " + Svg.human(x, 6);
                points.add(new Point(trial, x, y, front.contains(trial), label));
            }
        if (points.isEmpty()) return null;
        long onFront = points.stream().filter(Point::front).count();
        return new Figure(Figure.fileName(step.id(), "pareto"), render(first.metric() + " against " + second.metric() + ": Pareto front", first, second, points),
                "One point per complete trial; the " + onFront + " trials no other trial beats on both objectives are red, joined by the edge of what they attain.");
    }

    private static Objective objective(Object o) {
        Map<String, Object> m = StepRecord.map(o);
        String metric = StepRecord.text(m.get("metric"));
        if (metric.isEmpty()) return null;
        return new Objective(metric, !StepRecord.text(m.get("direction")).startsWith("min"));
    }

    /** Draws the chart: {@code y} objective up, {@code x} objective across. */
    static String render(String title, Objective y, Objective x, List<Point> points) {
        double xLo = Double.POSITIVE_INFINITY, xHi = Double.NEGATIVE_INFINITY, yLo = Double.POSITIVE_INFINITY, yHi = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            xLo = Math.min(xLo, p.x());
            xHi = Math.max(xHi, p.x());
            yLo = Math.min(yLo, p.y());
            yHi = Math.max(yHi, p.y());
        }
        boolean logX = LogScale.suits(xLo, xHi);
        // A little room beyond the extreme trials keeps them off the frame.
        double xPad = 0.04 * (xHi - xLo), yPad = 0.04 * (yHi - yLo);
        Scale xs = logX ? LogScale.covering(xLo, xHi) : LinearScale.covering(xLo - xPad, xHi + xPad, 6);
        Scale ys = LinearScale.covering(yLo - yPad, yHi + yPad, 6);
        SvgCanvas c = new SvgCanvas(520, 336, SvgCanvas.leftFor(ys), 20, 56, 48, title, "pareto");
        c.axes(xs, ys, x.axisLabel() + (logX ? ", log axis" : ""), y.axisLabel());

        List<Point> front = new ArrayList<>();
        for (Point p : points) if (p.front()) front.add(p);
        front.sort((a, b) -> a.x() != b.x() ? Double.compare(a.x(), b.x()) : Double.compare(a.y(), b.y()));
        if (front.size() > 1) {
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < front.size(); i++) {
                Point p = front.get(i);
                if (i > 0) {
                    // The corner both neighbours dominate: the worse x and the worse y of the two.
                    Point q = front.get(i - 1);
                    double cx = x.maximize() ? Math.min(p.x(), q.x()) : Math.max(p.x(), q.x());
                    double cy = y.maximize() ? Math.min(p.y(), q.y()) : Math.max(p.y(), q.y());
                    d.append(" L").append(Svg.px(c.xPixel(xs, cx))).append(' ').append(Svg.px(c.yPixel(ys, cy)));
                    d.append(" L");
                } else d.append('M');
                d.append(Svg.px(c.xPixel(xs, p.x()))).append(' ').append(Svg.px(c.yPixel(ys, p.y())));
            }
            c.raw("<path class=\"front-line\" d=\"" + d + "\" fill=\"none\" stroke=\"" + RungChart.BEST + "\" stroke-width=\"1.8\" stroke-opacity=\"0.8\"/>\n");
        }
        // Dominated trials first, the front on top.
        for (int pass = 0; pass < 2; pass++)
            for (Point p : points) {
                if (p.front() != (pass == 1)) continue;
                c.raw("<circle cx=\"" + Svg.px(c.xPixel(xs, p.x())) + "\" cy=\"" + Svg.px(c.yPixel(ys, p.y())) + "\" r=\"" + (p.front() ? 5.5 : 4)
                        + "\" fill=\"" + (p.front() ? RungChart.BEST : "#4e79a7") + "\" fill-opacity=\"" + (p.front() ? 0.9 : 0.6)
                        + "\" stroke=\"#ffffff\" stroke-width=\"1\"" + (p.front() ? " class=\"front\"" : "") + " data-trial=\"" + p.trial()
                        + "\" data-x=\"" + Svg.exact(p.x()) + "\" data-value=\"" + Svg.exact(p.y()) + "\"><title>" + Svg.escape(p.label()) + "</title></circle>\n");
            }
        c.legend(List.of(new SvgCanvas.LegendItem("Pareto front", RungChart.BEST, false, true), new SvgCanvas.LegendItem("dominated", "#4e79a7", false, true)), 38);
        return c.finish();
    }
}
