package org.mlopt.report;

import java.util.ArrayList;
import java.util.List;

/** Draws {@link SvgPlot#pairedBySeed}. */
final class PairedChart {

    static final String DISTILLED = "#4e79a7";
    static final String ALONE = "#f28e2b";

    private PairedChart() {}

    static String render(String title, String xLabel, String metric, List<DistillCharts.Pair> pairs, boolean withMean) {
        double[] d = pairs.stream().mapToDouble(DistillCharts.Pair::distilled).toArray();
        double[] a = pairs.stream().mapToDouble(DistillCharts.Pair::alone).toArray();
        DistillCharts.Summary sd = DistillCharts.Summary.of(d), sa = DistillCharts.Summary.of(a);
        boolean withAlone = Double.isFinite(sa.mean());
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : withMean ? concat(d, a, spread(sd), spread(sa)) : concat(d, a))
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        List<String> columns = new ArrayList<>();
        for (DistillCharts.Pair p : pairs) columns.add(p.column());
        if (withMean) columns.add("mean ± sd");
        CategoryScale xs = new CategoryScale(columns);
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        double pad = 0.04 * (hi - lo); // keeps the extreme dots off the frame
        Scale ys = LinearScale.covering(lo - pad, hi + pad, 6);
        int width = Math.max(460, 64 + 64 * columns.size() + 20);
        List<String> names = withAlone ? List.of("distilled", "student alone") : List.of("distilled");
        boolean ownRow = !SvgCanvas.legendFitsBesideTitle(title, names, width);
        SvgCanvas c = new SvgCanvas(width, ownRow ? 336 : 320, SvgCanvas.leftFor(ys), 20, ownRow ? 56 : 40, 48, title, "paired");
        c.axes(xs, ys, xLabel, metric);
        double off = withAlone ? 9 : 0;
        for (int i = 0; i < pairs.size(); i++) {
            DistillCharts.Pair p = pairs.get(i);
            double x = c.xPixel(xs, i);
            c.raw("<g class=\"column\" data-column=\"" + Svg.escape(p.column()) + "\">\n");
            if (Double.isFinite(p.distilled()) && Double.isFinite(p.alone()))
                c.line(x - off, c.yPixel(ys, p.distilled()), x + off, c.yPixel(ys, p.alone()), SvgCanvas.MUTED, 1, null);
            dot(c, x - off, ys, p.distilled(), DISTILLED, "distilled", p.column() + ", distilled: " + metric + " " + Svg.human(p.distilled(), 6));
            dot(c, x + off, ys, p.alone(), ALONE, "alone", p.column() + ", student alone: " + metric + " " + Svg.human(p.alone(), 6));
            c.raw("</g>\n");
        }
        if (withMean) {
            double x = c.xPixel(xs, columns.size() - 1);
            mean(c, x - off, ys, sd, DISTILLED, "distilled", metric);
            if (withAlone) mean(c, x + off, ys, sa, ALONE, "alone", metric);
        }
        List<SvgCanvas.LegendItem> legend = new ArrayList<>(List.of(new SvgCanvas.LegendItem("distilled", DISTILLED, false, true)));
        if (withAlone) legend.add(new SvgCanvas.LegendItem("student alone", ALONE, false, true));
        c.legend(legend, ownRow ? 38 : 18);
        return c.finish();
    }

    private static void dot(SvgCanvas c, double x, Scale ys, double v, String color, String series, String label) {
        if (!Double.isFinite(v)) return;
        c.raw("<circle cx=\"" + Svg.px(x) + "\" cy=\"" + Svg.px(c.yPixel(ys, v)) + "\" r=\"4.5\" fill=\"" + color + "\" data-series=\"" + series
                + "\" data-value=\"" + Svg.exact(v) + "\"><title>" + Svg.escape(label) + "</title></circle>\n");
    }

    private static void mean(SvgCanvas c, double x, Scale ys, DistillCharts.Summary s, String color, String series, String metric) {
        if (!Double.isFinite(s.mean())) return;
        double y = c.yPixel(ys, s.mean());
        if (Double.isFinite(s.sd())) {
            double y1 = c.yPixel(ys, s.mean() - s.sd()), y2 = c.yPixel(ys, s.mean() + s.sd());
            c.line(x, y1, x, y2, color, 2, "class=\"sd\" data-series=\"" + series + "\" data-value=\"" + Svg.exact(s.sd()) + "\"");
            c.line(x - 5, y1, x + 5, y1, color, 2, null);
            c.line(x - 5, y2, x + 5, y2, color, 2, null);
        }
        c.raw("<rect class=\"mean\" x=\"" + Svg.px(x - 5) + "\" y=\"" + Svg.px(y - 5) + "\" width=\"10\" height=\"10\" fill=\"" + color + "\" data-series=\""
                + series + "\" data-value=\"" + Svg.exact(s.mean()) + "\"><title>" + Svg.escape(series + ": mean " + metric + " " + Svg.human(s.mean(), 6)
                + (Double.isFinite(s.sd()) ? " ± " + Svg.human(s.sd(), 3) : "")) + "</title></rect>\n");
    }

    private static double[] spread(DistillCharts.Summary s) {
        return Double.isFinite(s.sd()) ? new double[] {s.mean() - s.sd(), s.mean() + s.sd()} : new double[] {s.mean()};
    }

    private static double[] concat(double[]... arrays) {
        int n = 0;
        for (double[] a : arrays) n += a.length;
        double[] out = new double[n];
        int k = 0;
        for (double[] a : arrays) for (double v : a) out[k++] = v;
        return out;
    }
}
