package org.mlopt.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws the rungs of a halving or Hyperband search: one panel per bracket, budget on a ladder
 * axis, score up, one line per configuration through the rungs it reached. Filled dots were
 * promoted to the next rung (or are on the bracket's top rung), hollow dots stopped there; configurations that reached their
 * bracket's top rung are blue, the others grey, the best red.
 */
final class RungChart {

    static final String BEST = "#e15759";
    static final String SURVIVOR = "#4e79a7";
    static final String STOPPED = "#9aa5b1";

    private RungChart() {}

    static String render(String title, String scoreName, SearchRungs rungs) {
        List<Double> budgets = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (SearchRungs.Bracket b : rungs.brackets())
            for (SearchRungs.Config c : b.configs())
                for (SearchRungs.Rung r : c.rungs()) {
                    budgets.add(r.units());
                    if (Double.isFinite(r.score())) {
                        lo = Math.min(lo, r.score());
                        hi = Math.max(hi, r.score());
                    }
                }
        Scale xs = new LadderScale(budgets);
        Scale ys = LinearScale.covering(lo > hi ? 0 : lo, lo > hi ? 1 : hi, 6);
        int n = rungs.brackets().size();
        double panel = n == 1 ? 500 : 230, gap = 18, leftMargin = SvgCanvas.leftFor(ys), rightMargin = 20;
        int width = (int) Math.ceil(leftMargin + n * panel + (n - 1) * gap + rightMargin);
        SvgCanvas c = new SvgCanvas(width, 340, leftMargin, rightMargin, 58, 62, title, "rungs");
        for (int k = 0; k < n; k++) {
            SearchRungs.Bracket b = rungs.brackets().get(k);
            double left = leftMargin + k * (panel + gap);
            SvgCanvas.Area a = new SvgCanvas.Area(left, left + panel, c.top, c.bottom);
            c.grid(a, xs, ys, k == 0);
            if (n > 1) c.text(left + panel / 2, c.top - 8, "middle", 12, SvgCanvas.INK,
                    "bracket " + b.number() + " · " + b.configs().size() + (b.configs().size() == 1 ? " configuration" : " configurations"), "font-weight=\"600\"");
            c.raw("<g class=\"bracket\" data-bracket=\"" + b.number() + "\">\n");
            int top = b.topRung();
            // Stopped configurations first, survivors over them, the best on top.
            for (int pass = 0; pass < 3; pass++)
                for (SearchRungs.Config conf : b.configs()) {
                    boolean survivor = conf.rungs().get(conf.rungs().size() - 1).rung() == top;
                    int layer = conf.best() ? 2 : survivor ? 1 : 0;
                    if (layer == pass) config(c, a, xs, ys, conf, conf.best() ? BEST : survivor ? SURVIVOR : STOPPED, scoreName, rungs.resource(), top);
                }
            c.raw("</g>\n");
        }
        c.text((leftMargin + width - rightMargin) / 2, c.height - 26, "middle", 12, SvgCanvas.INK, rungs.resource() + " per trial (budget, log axis)", null);
        double cy = (c.top + c.bottom) / 2;
        c.text(16, cy, "middle", 12, SvgCanvas.INK, "mean " + scoreName, "transform=\"rotate(-90 16 " + Svg.px(cy) + ")\"");
        legend(c);
        return c.finish();
    }

    private static void config(SvgCanvas c, SvgCanvas.Area a, Scale xs, Scale ys, SearchRungs.Config conf, String color, String scoreName, String resource,
                               int topRung) {
        c.raw("<g class=\"config" + (conf.best() ? " best" : "") + "\" data-rungs=\"" + conf.rungs().size() + "\"><title>" + Svg.escape(conf.label()) + "</title>\n");
        StringBuilder pts = new StringBuilder();
        for (SearchRungs.Rung r : conf.rungs()) {
            if (!Double.isFinite(r.score())) continue;
            if (pts.length() > 0) pts.append(' ');
            pts.append(Svg.px(a.xPixel(xs, r.units()))).append(',').append(Svg.px(a.yPixel(ys, r.score())));
        }
        if (pts.indexOf(" ") > 0)
            c.raw("<polyline points=\"" + pts + "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"" + (conf.best() ? 2.5 : color.equals(STOPPED) ? 1 : 1.6)
                    + "\" stroke-opacity=\"" + (color.equals(STOPPED) ? 0.7 : 0.9) + "\"/>\n");
        for (SearchRungs.Rung r : conf.rungs()) {
            if (!Double.isFinite(r.score())) continue;
            double px = a.xPixel(xs, r.units()), py = a.yPixel(ys, r.score());
            // Hollow: stopped below the bracket's top rung; the top rung's results are final, not stopped.
            String fill = r.promoted() || r.rung() == topRung ? color : "#ffffff";
            c.raw("<circle cx=\"" + Svg.px(px) + "\" cy=\"" + Svg.px(py) + "\" r=\"" + (conf.best() ? 4.5 : 3.5) + "\" fill=\"" + fill + "\" stroke=\"" + color
                    + "\" stroke-width=\"1.5\" data-rung=\"" + r.rung() + "\" data-trial=\"" + r.trial() + "\" data-promoted=\"" + r.promoted()
                    + "\" data-x=\"" + Svg.exact(r.units()) + "\" data-value=\"" + Svg.exact(r.score()) + "\"><title>trial " + r.trial() + ", rung " + r.rung() + ", "
                    + Svg.escape(Svg.human(r.units()) + " " + resource) + ": " + Svg.escape(scoreName) + " " + Svg.human(r.score(), 6)
                    + (r.promoted() ? ", promoted" : "") + "</title></circle>\n");
        }
        c.raw("</g>\n");
    }

    private static void legend(SvgCanvas c) {
        String[][] items = {{"promoted or final", SURVIVOR, "filled"}, {"stopped", SURVIVOR, "hollow"}, {"reached top rung", SURVIVOR, "line"},
                {"eliminated", STOPPED, "line"}, {"best", BEST, "line"}};
        double x = c.left, y = c.height - 8;
        for (String[] it : items) {
            if (it[2].equals("line")) c.line(x, y - 4, x + 18, y - 4, it[1], 2.5, null);
            else c.raw("<circle cx=\"" + Svg.px(x + 9) + "\" cy=\"" + Svg.px(y - 4) + "\" r=\"3.5\" fill=\"" + (it[2].equals("filled") ? it[1] : "#ffffff")
                    + "\" stroke=\"" + it[1] + "\" stroke-width=\"1.5\"/>\n");
            c.text(x + 23, y, "start", 11, SvgCanvas.INK, it[0], null);
            x += 32 + it[0].length() * 6.2;
        }
    }
}
