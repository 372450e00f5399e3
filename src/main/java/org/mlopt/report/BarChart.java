package org.mlopt.report;

import java.util.List;

/** Draws {@link SvgPlot#barChart}. */
final class BarChart {

    private static final double ROW = 20;

    private BarChart() {}

    static String render(String title, String valueLabel, List<String> names, double[] values) {
        double lo = 0, hi = 0;
        for (double v : values)
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        if (lo == hi) hi = 1;
        int longest = 1;
        for (String n : names) longest = Math.max(longest, n.length());
        double left = Math.min(180, 20 + longest * 6.6);
        int height = (int) Math.ceil(40 + names.size() * ROW + 44);
        // Room beyond the longest bars for their value labels.
        double room = 0.16 * (hi - lo);
        LinearScale xs = LinearScale.covering(lo < 0 ? lo - room : 0, hi > 0 ? hi + room : 0, 7);
        SvgCanvas c = new SvgCanvas(560, height, left, 20, 40, 44, title, "bar");
        for (Scale.Tick t : xs.ticks()) {
            double px = c.xPixel(xs, t.value());
            c.line(px, c.top, px, c.bottom, SvgCanvas.GRID, 1, null);
            c.text(px, c.bottom + 16, "middle", 11, SvgCanvas.MUTED, t.label(), null);
        }
        c.text((c.left + c.right) / 2, height - 10, "middle", 12, SvgCanvas.INK, valueLabel, null);
        double zero = c.xPixel(xs, 0);
        for (int i = 0; i < names.size(); i++) {
            double v = values[i];
            double y = c.top + i * ROW;
            c.text(c.left - 6, y + ROW / 2 + 4, "end", 11, SvgCanvas.MUTED, names.get(i), null);
            if (!Double.isFinite(v)) continue;
            double px = c.xPixel(xs, v);
            c.raw("<rect x=\"" + Svg.px(Math.min(px, zero)) + "\" y=\"" + Svg.px(y + 3) + "\" width=\"" + Svg.px(Math.abs(px - zero)) + "\" height=\""
                    + Svg.px(ROW - 6) + "\" fill=\"" + (v < 0 ? "#e15759" : "#4e79a7") + "\" data-value=\"" + Svg.exact(v) + "\"><title>" + Svg.escape(names.get(i))
                    + ": " + Svg.human(v, 6) + "</title></rect>\n");
            c.text(v < 0 ? Math.min(px, zero) - 4 : Math.max(px, zero) + 4, y + ROW / 2 + 4, v < 0 ? "end" : "start", 10, SvgCanvas.INK, Svg.human(v), null);
        }
        c.line(zero, c.top, zero, c.bottom, SvgCanvas.MUTED, 1, null);
        return c.finish();
    }
}
