package org.mlopt.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-epoch charts of a step's {@code history}: one chart per figure (loss first), training
 * and validation ({@code val_} prefix) together, the best epoch marked when the step records
 * one, and the learning rate on its own chart. Works for any step kind that has a history.
 */
final class HistoryCharts {

    private HistoryCharts() {}

    static List<Figure> of(StepRecord step) {
        List<Map<String, Object>> h = step.history();
        if (h.isEmpty()) return List.of();
        double[] epochs = new double[h.size()];
        for (int i = 0; i < h.size(); i++) {
            double e = StepRecord.number(h.get(i).get("epoch"));
            epochs[i] = Double.isNaN(e) ? i + 1 : e;
        }
        Set<String> bases = new LinkedHashSet<>();
        boolean hasLoss = false;
        for (Map<String, Object> row : h)
            for (String k : row.keySet()) {
                if (k.equals("epoch") || k.equals("lr") || k.equals("phase")) continue;
                String base = k.startsWith("val_") ? k.substring(4) : k;
                if (base.equals("loss")) hasLoss = true;
                else bases.add(base);
            }
        List<String> ordered = new ArrayList<>();
        if (hasLoss) ordered.add("loss");
        ordered.addAll(bases);

        Double best = step.detailNumber("best_epoch");
        String stopped = StepRecord.text(step.details().get("stopped"));
        SvgPlot.Marker marker = best == null ? null
                : new SvgPlot.Marker(best, (stopped.equals("early_stopped") ? "early stop, best epoch " : "best epoch ") + Svg.human(best));

        List<Figure> out = new ArrayList<>();
        for (String base : ordered) {
            List<SvgPlot.Series> series = new ArrayList<>();
            double[] train = column(h, base);
            double[] val = column(h, "val_" + base);
            if (present(train)) series.add(new SvgPlot.Series("train", epochs, train, SvgPlot.Style.SOLID));
            if (present(val)) series.add(new SvgPlot.Series("validation", epochs, val, SvgPlot.Style.DASHED));
            if (series.isEmpty()) continue;
            boolean logY = base.equals("loss") && spansDecades(train, val);
            String title = base + " per epoch" + (logY ? " (log scale)" : "");
            String svg = SvgPlot.lineChart(title, "epoch", base, series, marker, logY);
            out.add(new Figure(Figure.fileName(step.id(), base), svg,
                    series.size() > 1 ? "Solid: training data; dashed: validation data." : "Measured on the training data after each epoch."));
        }
        double[] lr = column(h, "lr");
        if (present(lr)) {
            boolean logY = spansDecades(lr);
            String svg = SvgPlot.lineChart("learning rate per epoch" + (logY ? " (log scale)" : ""), "epoch", "learning rate",
                    List.of(new SvgPlot.Series("lr", epochs, lr, SvgPlot.Style.SOLID)), marker, logY);
            double first = Double.NaN;
            boolean constant = true;
            for (double v : lr)
                if (Double.isFinite(v)) {
                    if (Double.isNaN(first)) first = v;
                    constant &= v == first;
                }
            out.add(new Figure(Figure.fileName(step.id(), "lr"), svg,
                    constant ? "The learning rate stayed at " + Svg.human(first, 6) + " throughout." : "The learning rate each epoch ran with."));
        }
        return out;
    }

    /** The values of one history key, NaN where an epoch lacks it. */
    static double[] column(List<Map<String, Object>> h, String key) {
        double[] v = new double[h.size()];
        for (int i = 0; i < v.length; i++) v[i] = StepRecord.number(h.get(i).get(key));
        return v;
    }

    private static boolean present(double[] v) {
        for (double d : v) if (Double.isFinite(d)) return true;
        return false;
    }

    private static boolean spansDecades(double[]... arrays) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double[] a : arrays)
            for (double d : a) {
                if (!Double.isFinite(d)) continue;
                if (d <= 0) return false;
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        return hi > 0 && LogScale.suits(lo, hi);
    }
}
