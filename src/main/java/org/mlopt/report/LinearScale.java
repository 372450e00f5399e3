package org.mlopt.report;

import java.util.ArrayList;
import java.util.List;

/** A linear axis whose domain is widened to "nice" tick values (1, 2, 2.5 or 5 times a power of ten). */
public final class LinearScale implements Scale {

    private final double lo;
    private final double hi;
    private final double step;

    private LinearScale(double lo, double hi, double step) {
        this.lo = lo;
        this.hi = hi;
        this.step = step;
    }

    /** A scale covering {@code min..max} with about {@code targetTicks} nice ticks. */
    public static LinearScale covering(double min, double max, int targetTicks) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            min = 0;
            max = 1;
        }
        if (min > max) {
            double t = min;
            min = max;
            max = t;
        }
        if (max - min < 1e-12 * Math.max(1, Math.abs(max))) {
            // A flat series: centre it in a unit-wide (or value-relative) window.
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / Math.max(1, targetTicks - 1));
        double lo = Math.floor(min / step + 1e-9) * step;
        double hi = Math.ceil(max / step - 1e-9) * step;
        return new LinearScale(lo, hi, step);
    }

    /** Like {@link #covering} with whole-number ticks, for epochs and trial numbers. */
    public static LinearScale coveringIntegers(double min, double max, int targetTicks) {
        LinearScale s = covering(min, max, targetTicks);
        if (s.step >= 1 && s.step != 2.5) return s;
        double step = s.step < 1 ? 1 : 2;
        return new LinearScale(Math.floor(min / step) * step, Math.max(Math.ceil(max / step) * step, Math.floor(min / step) * step + step), step);
    }

    /** The smallest of 1, 2, 2.5, 5 (times a power of ten) not below {@code raw}. */
    static double niceStep(double raw) {
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / pow;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * pow;
    }

    public double min() {
        return lo;
    }

    public double max() {
        return hi;
    }

    @Override
    public double unit(double value) {
        return (value - lo) / (hi - lo);
    }

    @Override
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        int n = (int) Math.round((hi - lo) / step);
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        if (Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) decimals++; // 2.5
        for (int i = 0; i <= n; i++) {
            double v = lo + i * step;
            if (Math.abs(v) < step * 1e-9) v = 0;
            ticks.add(new Tick(v, label(v, decimals)));
        }
        return ticks;
    }

    private static String label(double v, int decimals) {
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-4)) return Svg.human(v, 3);
        return java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
