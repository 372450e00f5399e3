package org.mlopt.report;

import java.util.List;

/** Unicode sparklines (▁▂▃▄▅▆▇█) of a series, for a loss curve in the terminal. */
public final class Sparkline {

    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {}

    /**
     * One character per value, scaled from the smallest (▁) to the largest (█) finite value;
     * null, NaN and infinite values print as a space; a flat series prints at mid height.
     */
    public static String of(List<Double> values) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Double v : values)
            if (v != null && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        StringBuilder sb = new StringBuilder(values.size());
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) sb.append(' ');
            else if (hi == lo) sb.append(BARS[3]);
            else sb.append(BARS[(int) Math.min(BARS.length - 1, Math.floor((v - lo) / (hi - lo) * BARS.length))]);
        }
        return sb.toString();
    }

    /** At most {@code width} characters: longer series are averaged over equal runs of values first. */
    public static String of(List<Double> values, int width) {
        if (width <= 0) throw new IllegalArgumentException("width must be positive: " + width);
        if (values.size() <= width) return of(values);
        Double[] buckets = new Double[width];
        for (int b = 0; b < width; b++) {
            int from = (int) ((long) b * values.size() / width), to = (int) ((long) (b + 1) * values.size() / width);
            double sum = 0;
            int n = 0;
            for (int i = from; i < to; i++) {
                Double v = values.get(i);
                if (v != null && Double.isFinite(v)) {
                    sum += v;
                    n++;
                }
            }
            buckets[b] = n == 0 ? null : sum / n;
        }
        return of(java.util.Arrays.asList(buckets));
    }

    /**
     * A loss curve in at most {@code width} characters, on a log scale when its positive values
     * span two decades or more (a decaying loss would otherwise be flat after the first epochs).
     */
    public static String ofLoss(List<Double> loss, int width) {
        if (!logScaled(loss)) return of(loss, width);
        List<Double> logs = new java.util.ArrayList<>(loss.size());
        for (Double v : loss) logs.add(v == null ? null : Math.log10(v));
        return of(logs, width);
    }

    /** Whether {@link #ofLoss} draws {@code loss} on a log scale: all finite values positive and two decades apart or more. */
    public static boolean logScaled(List<Double> loss) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Double v : loss)
            if (v != null && Double.isFinite(v)) {
                if (v <= 0) return false;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        return hi > 0 && LogScale.suits(lo, hi);
    }
}
