package org.mlopt.report;

import java.util.List;

/**
 * One SVG image under construction: element helpers with escaping, a plot area framed by
 * margins, and axes with grid lines, tick labels and axis titles. Styling is by attributes, not
 * CSS, so an image looks the same inline in the report and as a standalone file.
 */
final class SvgCanvas {

    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
    static final String INK = "#1f2933";
    static final String MUTED = "#616e7c";
    static final String GRID = "#e4e7eb";

    final int width;
    final int height;
    final double left;
    final double right;
    final double top;
    final double bottom;
    private final StringBuilder sb = new StringBuilder();

    /** A legend entry: name, swatch colour, and whether the swatch is a dashed line or a dot. */
    record LegendItem(String name, String color, boolean dashed, boolean dot) {
        LegendItem(String name, String color, boolean dashed) {
            this(name, color, dashed, false);
        }
    }

    SvgCanvas(int width, int height, double left, double rightMargin, double top, double bottomMargin, String title, String kind) {
        this.width = width;
        this.height = height;
        this.left = left;
        this.right = width - rightMargin;
        this.top = top;
        this.bottom = height - bottomMargin;
        sb.append("<svg xmlns=\"").append(Svg.NAMESPACE).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" class=\"plot\" data-kind=\"")
                .append(Svg.escape(kind)).append("\" font-family=\"").append(Svg.escape(FONT)).append("\" font-size=\"12\">\n");
        sb.append("<title>").append(Svg.escape(title)).append("</title>\n");
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>\n");
        text(12, 22, "start", 14, INK, title, "font-weight=\"600\"");
    }

    /** A left margin wide enough for the y axis's tick labels and, left of them, its rotated title. */
    static double leftFor(Scale y) {
        int widest = 0;
        for (Scale.Tick t : y.ticks()) widest = Math.max(widest, t.label().length());
        return Math.max(64, Math.ceil(34 + widest * 6.2));
    }

    double xPixel(Scale s, double v) {
        return left + s.unit(v) * (right - left);
    }

    double yPixel(Scale s, double v) {
        return bottom - s.unit(v) * (bottom - top);
    }

    void raw(String svg) {
        sb.append(svg);
    }

    void line(double x1, double y1, double x2, double y2, String stroke, double width, String extra) {
        sb.append("<line x1=\"").append(Svg.px(x1)).append("\" y1=\"").append(Svg.px(y1)).append("\" x2=\"").append(Svg.px(x2))
                .append("\" y2=\"").append(Svg.px(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(Svg.px(width)).append('"');
        if (extra != null && !extra.isEmpty()) sb.append(' ').append(extra);
        sb.append("/>\n");
    }

    void text(double x, double y, String anchor, int size, String fill, String text, String extra) {
        sb.append("<text x=\"").append(Svg.px(x)).append("\" y=\"").append(Svg.px(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"").append(size).append("\" fill=\"").append(fill).append('"');
        if (extra != null && !extra.isEmpty()) sb.append(' ').append(extra);
        sb.append('>').append(Svg.escape(text)).append("</text>\n");
    }

    /** One plot area of a figure with several side by side; {@link #axes} uses the canvas's own area. */
    record Area(double left, double right, double top, double bottom) {

        double xPixel(Scale s, double v) {
            return left + s.unit(v) * (right - left);
        }

        double yPixel(Scale s, double v) {
            return bottom - s.unit(v) * (bottom - top);
        }
    }

    /** The canvas's own plot area. */
    Area area() {
        return new Area(left, right, top, bottom);
    }

    /** Grid lines, tick labels and the frame of one plot area; y tick labels only when {@code yLabels}. */
    void grid(Area a, Scale x, Scale y, boolean yLabels) {
        for (Scale.Tick t : y.ticks()) {
            double py = a.yPixel(y, t.value());
            line(a.left(), py, a.right(), py, GRID, 1, null);
            if (yLabels) text(a.left() - 6, py + 4, "end", 11, MUTED, t.label(), null);
        }
        for (Scale.Tick t : x.ticks()) {
            double px = a.xPixel(x, t.value());
            line(px, a.top(), px, a.bottom(), GRID, 1, null);
            text(px, a.bottom() + 16, "middle", 11, MUTED, t.label(), null);
        }
        line(a.left(), a.bottom(), a.right(), a.bottom(), MUTED, 1, null);
        line(a.left(), a.top(), a.left(), a.bottom(), MUTED, 1, null);
    }

    /** Grid lines, ticks and labels of both axes, and the axis titles. */
    void axes(Scale x, Scale y, String xLabel, String yLabel) {
        grid(area(), x, y, true);
        text((left + right) / 2, height - 10, "middle", 12, INK, xLabel, null);
        double cy = (top + bottom) / 2;
        text(16, cy, "middle", 12, INK, yLabel, "transform=\"rotate(-90 16 " + Svg.px(cy) + ")\"");
    }

    /** Whether a one-row legend of {@code names} fits beside {@code title} on a canvas {@code width} wide (else it needs its own row). */
    static boolean legendFitsBesideTitle(String title, List<String> names, int width) {
        double legend = 0;
        for (String n : names) legend += 28 + n.length() * 6.6;
        return 12 + title.length() * 7.8 + 24 + legend <= width - 20;
    }

    /** A one-row legend in the top margin, right-aligned. */
    void legend(List<LegendItem> items) {
        legend(items, 18);
    }

    /** A one-row legend whose swatches sit at height {@code y}, right-aligned. */
    void legend(List<LegendItem> items, double y) {
        if (items.isEmpty()) return;
        double x = right;
        for (int i = items.size() - 1; i >= 0; i--) {
            LegendItem it = items.get(i);
            double w = 28 + it.name().length() * 6.6;
            x -= w;
            if (it.dot()) raw("<circle cx=\"" + Svg.px(x + 9) + "\" cy=\"" + Svg.px(y) + "\" r=\"3.5\" fill=\"" + it.color() + "\"/>\n");
            else line(x, y, x + 18, y, it.color(), 2.5, it.dashed() ? "stroke-dasharray=\"5 3\"" : null);
            text(x + 23, y + 4, "start", 11, INK, it.name(), null);
        }
    }

    String finish() {
        return sb + "</svg>\n";
    }
}
