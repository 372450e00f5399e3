package org.mlopt.report;

import java.util.List;

/** Draws {@link SvgPlot#parallelCoordinates}. */
final class ParallelCoordinates {

    private ParallelCoordinates() {}

    static String render(String title, List<SvgPlot.Axis> axes, List<SvgPlot.Line> lines, String scoreName) {
        int width = Math.max(420, 140 * axes.size() + 40);
        SvgCanvas c = new SvgCanvas(width, 350, 60, 60, 56, 48, title, "parallel");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (SvgPlot.Line l : lines) {
            if (!Double.isFinite(l.score())) continue;
            lo = Math.min(lo, l.score());
            hi = Math.max(hi, l.score());
        }
        double step = axes.size() > 1 ? (c.right - c.left) / (axes.size() - 1) : 0;
        for (int a = 0; a < axes.size(); a++) {
            double x = c.left + a * step;
            SvgPlot.Axis axis = axes.get(a);
            c.line(x, c.top, x, c.bottom, SvgCanvas.MUTED, 1, null);
            c.text(x, c.top - 16, "middle", 12, SvgCanvas.INK, axis.name(), "font-weight=\"600\"");
            for (Scale.Tick t : axis.scale().ticks()) {
                double y = c.yPixel(axis.scale(), t.value());
                c.line(x - 3, y, x + 3, y, SvgCanvas.MUTED, 1, null);
                boolean last = a == axes.size() - 1 && a > 0;
                c.text(last ? x + 6 : x - 6, y + 4, last ? "start" : "end", 10, SvgCanvas.MUTED, t.label(),
                        "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"");
            }
        }
        // Best drawn last so it stays on top.
        for (int pass = 0; pass < 2; pass++) {
            for (SvgPlot.Line l : lines) {
                if (l.highlight() != (pass == 1)) continue;
                StringBuilder pts = new StringBuilder();
                for (int a = 0; a < axes.size(); a++) {
                    if (a > 0) pts.append(' ');
                    pts.append(Svg.px(c.left + a * step)).append(',').append(Svg.px(c.yPixel(axes.get(a).scale(), l.values()[a])));
                }
                double t = hi > lo ? (l.score() - lo) / (hi - lo) : 1;
                String color = l.highlight() ? "#e15759" : Palette.scores(t);
                c.raw("<polyline points=\"" + pts + "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"" + (l.highlight() ? 3 : 1.6)
                        + "\" stroke-opacity=\"" + (l.highlight() ? 1 : 0.8) + "\" data-value=\"" + Svg.exact(l.score()) + "\"" + (l.highlight() ? " class=\"best\"" : "")
                        + "><title>" + Svg.escape(l.label()) + "</title></polyline>\n");
            }
        }
        c.legend(List.of(new SvgCanvas.LegendItem("best", "#e15759", false), new SvgCanvas.LegendItem("low " + scoreName, Palette.scores(0), false),
                new SvgCanvas.LegendItem("high " + scoreName, Palette.scores(1), false)), c.height - 14);
        return c.finish();
    }
}
