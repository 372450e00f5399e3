package org.mlopt.report;

import java.util.List;

/** Draws {@link SvgPlot#heatMap}: a confusion matrix with rows the true class. */
final class HeatMap {

    private HeatMap() {}

    static String render(String title, String rowTitle, String columnTitle, List<String> labels, long[][] counts) {
        int n = labels.size();
        int longest = 1;
        for (String l : labels) longest = Math.max(longest, l.length());
        double labelWidth = Math.min(140, 12 + longest * 6.8);
        double cell = Math.max(22, Math.min(56, 440.0 / Math.max(1, n)));
        boolean rotate = longest * 6.8 > cell - 4;
        double left = 28 + labelWidth, top = 66 + (rotate ? labelWidth * 0.7 : 0);
        int width = (int) Math.max(260, Math.ceil(left + n * cell + 16));
        int height = (int) Math.ceil(top + n * cell + 16);
        SvgCanvas c = new SvgCanvas(width, height, left, 16, top, 16, title, "heatmap");
        c.text(left + n * cell / 2, 46, "middle", 12, SvgCanvas.INK, columnTitle, null);
        double cy = top + n * cell / 2;
        c.text(14, cy, "middle", 12, SvgCanvas.INK, rowTitle, "transform=\"rotate(-90 14 " + Svg.px(cy) + ")\"");
        int fontSize = cell >= 34 ? 12 : 10;
        for (int i = 0; i < n; i++) {
            double rowTotal = 0;
            for (long v : counts[i]) rowTotal += v;
            double y = top + i * cell;
            c.text(left - 6, y + cell / 2 + 4, "end", 11, SvgCanvas.MUTED, labels.get(i), null);
            for (int j = 0; j < n; j++) {
                double x = left + j * cell;
                long v = counts[i][j];
                double share = rowTotal == 0 ? 0 : v / rowTotal;
                String fill = Palette.blues(share);
                c.raw("<rect x=\"" + Svg.px(x) + "\" y=\"" + Svg.px(y) + "\" width=\"" + Svg.px(cell - 1) + "\" height=\"" + Svg.px(cell - 1)
                        + "\" fill=\"" + fill + "\"" + (i == j ? " stroke=\"#1f2933\" stroke-opacity=\"0.25\"" : "") + " data-row=\"" + i + "\" data-col=\"" + j
                        + "\" data-value=\"" + v + "\"><title>true " + Svg.escape(labels.get(i)) + ", predicted " + Svg.escape(labels.get(j)) + ": " + v
                        + "</title></rect>\n");
                c.text(x + cell / 2 - 0.5, y + cell / 2 + fontSize / 3.0, "middle", fontSize, Palette.dark(fill) ? "#ffffff" : SvgCanvas.INK,
                        Long.toString(v), null);
            }
        }
        for (int j = 0; j < n; j++) {
            double x = left + j * cell + cell / 2;
            if (rotate) c.text(x, top - 6, "start", 11, SvgCanvas.MUTED, labels.get(j), "transform=\"rotate(-45 " + Svg.px(x) + " " + Svg.px(top - 6) + ")\"");
            else c.text(x, top - 6, "middle", 11, SvgCanvas.MUTED, labels.get(j), null);
        }
        return c.finish();
    }
}
