package org.mlopt.report;

import java.util.List;

/** Draws {@link SvgPlot#scatter}. */
final class ScatterChart {

    private ScatterChart() {}

    static String render(String title, String xLabel, String yLabel, Scale xs, List<SvgPlot.Point> points, List<String> groups) {
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (SvgPlot.Point p : points) {
            if (!Double.isFinite(p.y())) continue;
            yMin = Math.min(yMin, p.y());
            yMax = Math.max(yMax, p.y());
        }
        if (yMin > yMax) {
            yMin = 0;
            yMax = 1;
        }
        Scale ys = LinearScale.covering(yMin, yMax, 6);
        // A legend of groups gets its own row under the title.
        boolean legendRow = !groups.isEmpty();
        SvgCanvas c = new SvgCanvas(legendRow ? 460 : 420, legendRow ? 316 : 300, SvgCanvas.leftFor(ys), 20, legendRow ? 56 : 40, 48, title, "scatter");
        c.axes(xs, ys, xLabel, yLabel);
        java.util.Map<Double, Integer> seen = new java.util.HashMap<>();
        for (SvgPlot.Point p : points) {
            if (!Double.isFinite(p.y())) continue;
            double px = c.xPixel(xs, p.x()), py = c.yPixel(ys, p.y());
            if (xs instanceof CategoryScale) {
                // Spread the points of one category sideways (0, +1, -1, +2, ...) so equal scores stay visible.
                int k = seen.merge(p.x(), 1, Integer::sum) - 1;
                px += ((k + 1) / 2) * (k % 2 == 1 ? 7 : -7);
            }
            // Group colours skip the highlight's red (palette index 3).
            String fill = p.highlight() ? "#e15759" : p.group() >= 0 ? groupColor(p.group()) : "#4e79a7";
            c.raw("<circle cx=\"" + Svg.px(px) + "\" cy=\"" + Svg.px(py) + "\" r=\"" + (p.highlight() ? 6 : 4.5) + "\" fill=\"" + fill
                    + "\" fill-opacity=\"0.75\" stroke=\"#ffffff\" stroke-width=\"1\" data-x=\"" + Svg.exact(p.x()) + "\" data-value=\""
                    + Svg.exact(p.y()) + "\"" + (p.group() >= 0 ? " data-group=\"" + p.group() + "\"" : "") + (p.highlight() ? " class=\"best\"" : "") + "><title>" + Svg.escape(p.label()) + "</title></circle>\n");
        }
        if (!groups.isEmpty()) {
            List<SvgCanvas.LegendItem> legend = new java.util.ArrayList<>();
            for (int g = 0; g < groups.size(); g++) legend.add(new SvgCanvas.LegendItem(groups.get(g), groupColor(g), false, true));
            c.legend(legend, 38);
        }
        return c.finish();
    }

    static String groupColor(int g) {
        return Palette.series(g >= 3 ? g + 1 : g);
    }
}
