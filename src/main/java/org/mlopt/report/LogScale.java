package org.mlopt.report;

import java.util.ArrayList;
import java.util.List;

/** A base-10 logarithmic axis from one power of ten to another, ticked at every decade. */
public final class LogScale implements Scale {

    private final int loExp;
    private final int hiExp;

    private LogScale(int loExp, int hiExp) {
        this.loExp = loExp;
        this.hiExp = hiExp;
    }

    /** A scale covering the positive {@code min..max}, widened to whole decades. */
    public static LogScale covering(double min, double max) {
        int lo = (int) Math.floor(Math.log10(min) + 1e-9);
        int hi = (int) Math.ceil(Math.log10(max) - 1e-9);
        if (hi <= lo) hi = lo + 1;
        return new LogScale(lo, hi);
    }

    /** Whether positive values spanning {@code min..max} read better on a log axis (two decades or more). */
    public static boolean suits(double min, double max) {
        return min > 0 && max / min >= 100;
    }

    @Override
    public double unit(double value) {
        if (value <= 0) return -0.05;
        return (Math.log10(value) - loExp) / (hiExp - loExp);
    }

    @Override
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        int every = Math.max(1, (hiExp - loExp + 7) / 8); // at most about eight labels
        for (int e = loExp; e <= hiExp; e += every) ticks.add(new Tick(Math.pow(10, e), label(e)));
        return ticks;
    }

    private static String label(int exp) {
        if (exp >= 0 && exp <= 4) return java.math.BigDecimal.ONE.scaleByPowerOfTen(exp).toPlainString();
        if (exp < 0 && exp >= -3) return java.math.BigDecimal.ONE.scaleByPowerOfTen(exp).toPlainString();
        return "1e" + exp;
    }
}
