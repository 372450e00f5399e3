package org.mlopt.report;

import java.util.ArrayList;
import java.util.List;

/** Draws {@link SvgPlot#lineChart}. */
final class LineChart {

    private LineChart() {}

    /** How many of the first {@code k} series are references, so data series keep the palette's first colours. */
    private static int references(List<SvgPlot.Series> series, int k) {
        int n = 0;
        for (int i = 0; i < k; i++) if (series.get(i).style() == SvgPlot.Style.REFERENCE) n++;
        return n;
    }

    static String render(String title, String xLabel, String yLabel, List<SvgPlot.Series> series, SvgPlot.Marker marker, boolean logY) {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY, yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (SvgPlot.Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double y = s.y()[i];
                if (!Double.isFinite(y) || (logY && y <= 0)) continue;
                xMin = Math.min(xMin, s.x()[i]);
                xMax = Math.max(xMax, s.x()[i]);
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
        if (xMin > xMax) {
            xMin = 0;
            xMax = 1;
            yMin = logY ? 1 : 0;
            yMax = logY ? 10 : 1;
        }
        boolean wholeX = true;
        for (SvgPlot.Series s : series) for (double x : s.x()) wholeX &= x == Math.rint(x);
        Scale xs = wholeX ? LinearScale.coveringIntegers(xMin, xMax, 8) : LinearScale.covering(xMin, xMax, 8);
        Scale ys = logY ? LogScale.covering(yMin, yMax) : LinearScale.covering(yMin, yMax, 6);
        // A legend that does not fit beside the title gets its own row under it.
        double legendWidth = 0;
        for (SvgPlot.Series s : series) legendWidth += 28 + s.name().length() * 6.6;
        boolean ownRow = 12 + title.length() * 7.8 + 24 + legendWidth > 560 - 20;
        SvgCanvas c = new SvgCanvas(560, ownRow ? 336 : 320, SvgCanvas.leftFor(ys), 20, ownRow ? 56 : 40, 48, title, "line");
        c.axes(xs, ys, xLabel, yLabel);
        List<SvgCanvas.LegendItem> legend = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            SvgPlot.Series s = series.get(k);
            boolean reference = s.style() == SvgPlot.Style.REFERENCE;
            String color = reference ? SvgCanvas.MUTED : Palette.series(k - references(series, k));
            legend.add(new SvgCanvas.LegendItem(s.name(), color, s.style() == SvgPlot.Style.DASHED || reference, s.style() == SvgPlot.Style.POINTS));
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < s.x().length; i++) {
                double y = s.y()[i];
                if (!Double.isFinite(y) || (logY && y <= 0)) {
                    pen = false;
                    continue;
                }
                d.append(pen ? " L" : (d.length() == 0 ? "M" : " M")).append(Svg.px(c.xPixel(xs, s.x()[i]))).append(' ').append(Svg.px(c.yPixel(ys, y)));
                pen = true;
            }
            c.raw("<g class=\"series\" data-series=\"" + Svg.escape(s.name()) + "\">\n");
            if (d.length() > 0 && s.style() != SvgPlot.Style.POINTS)
                c.raw("<path d=\"" + d + "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"" + (reference ? 1.5 : 2) + "\" stroke-linejoin=\"round\""
                        + (s.style() == SvgPlot.Style.DASHED || reference ? " stroke-dasharray=\"6 4\"" : "")
                        + (reference && s.y().length > 0 ? " class=\"reference\" data-value=\"" + Svg.exact(s.y()[0]) + "\"" : "") + "/>\n");
            if (reference) {
                c.raw("</g>\n");
                continue;
            }
            double r = s.style() == SvgPlot.Style.POINTS ? 3.5 : s.x().length <= 60 ? 2.5 : 1.2;
            for (int i = 0; i < s.x().length; i++) {
                double y = s.y()[i];
                if (!Double.isFinite(y) || (logY && y <= 0)) continue;
                c.raw("<circle cx=\"" + Svg.px(c.xPixel(xs, s.x()[i])) + "\" cy=\"" + Svg.px(c.yPixel(ys, y)) + "\" r=\"" + r + "\" fill=\"" + color
                        + "\" data-x=\"" + Svg.exact(s.x()[i]) + "\" data-value=\"" + Svg.exact(y) + "\"><title>" + Svg.escape(s.name()) + " at "
                        + Svg.human(s.x()[i]) + ": " + Svg.human(y, 6) + "</title></circle>\n");
            }
            c.raw("</g>\n");
        }
        if (marker != null) {
            double px = c.xPixel(xs, marker.x());
            c.line(px, c.top, px, c.bottom, "#3e4c59", 1.5, "stroke-dasharray=\"3 3\" class=\"marker\" data-value=\"" + Svg.exact(marker.x()) + "\"");
            boolean roomRight = px + 8 + marker.label().length() * 6.5 < c.right;
            c.text(roomRight ? px + 5 : px - 5, c.top + 14, roomRight ? "start" : "end", 11, "#3e4c59", marker.label(), null);
        }
        c.legend(legend, ownRow ? 38 : 18);
        return c.finish();
    }
}
