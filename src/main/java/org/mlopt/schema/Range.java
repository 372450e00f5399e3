package org.mlopt.schema;

/** An allowed numeric interval; infinite ends are open. */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public static Range positive() { return new Range(0, false, Double.POSITIVE_INFINITY, false); }
    public static Range nonNegative() { return new Range(0, true, Double.POSITIVE_INFINITY, false); }
    public static Range atLeast(double min) { return new Range(min, true, Double.POSITIVE_INFINITY, false); }
    public static Range closed(double min, double max) { return new Range(min, true, max, true); }
    public static Range unitOpenRight() { return new Range(0, true, 1, false); }
    public static Range unitOpen() { return new Range(0, false, 1, false); }
    public static Range of(double min, boolean minInclusive, double max, boolean maxInclusive) {
        return new Range(min, minInclusive, max, maxInclusive);
    }

    public boolean contains(double v) {
        if (Double.isNaN(v)) return false;
        boolean aboveMin = minInclusive ? v >= min : v > min;
        boolean belowMax = maxInclusive ? v <= max : v < max;
        return aboveMin && belowMax;
    }

    /** Mathematical notation: {@code (0, inf)}, {@code [0, 1)}, {@code >= 2}. */
    public String describe() {
        boolean openTop = Double.isInfinite(max);
        if (openTop) return (minInclusive ? ">= " : "> ") + fmt(min);
        if (Double.isInfinite(min)) return (maxInclusive ? "<= " : "< ") + fmt(max);
        return (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max) + (maxInclusive ? "]" : ")");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
