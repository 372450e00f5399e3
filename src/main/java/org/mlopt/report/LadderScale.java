package org.mlopt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A logarithmic axis ticked at the given values themselves, for budgets that grow by a factor
 * (1, 3, 9, 27 epochs): equal ratios sit at equal distances and every budget is labelled.
 * A quarter of a step of padding on each side keeps the end points off the frame.
 */
public final class LadderScale implements Scale {

    private final List<Double> values;
    private final double lo;
    private final double hi;

    /** A scale through the positive {@code values} (duplicates and order do not matter). */
    public LadderScale(List<Double> values) {
        TreeSet<Double> sorted = new TreeSet<>();
        for (double v : values) if (v > 0 && Double.isFinite(v)) sorted.add(v);
        if (sorted.isEmpty()) sorted.add(1.0);
        this.values = List.copyOf(sorted);
        double a = Math.log(sorted.first()), b = Math.log(sorted.last());
        double pad = sorted.size() > 1 ? 0.25 * (b - a) / (sorted.size() - 1) : Math.log(2);
        this.lo = a - pad;
        this.hi = b + pad;
    }

    @Override
    public double unit(double value) {
        if (value <= 0) return 0;
        return (Math.log(value) - lo) / (hi - lo);
    }

    @Override
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        for (double v : values) ticks.add(new Tick(v, Svg.human(v, 3)));
        return ticks;
    }
}
