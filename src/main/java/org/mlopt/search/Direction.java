package org.mlopt.search;

/** Whether larger or smaller scores are better. NaN scores are worse than any number. */
public enum Direction {
    MAXIMIZE, MINIMIZE;

    /** Whether {@code a} is strictly better than {@code b}. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) return false;
        if (Double.isNaN(b)) return true;
        return this == MAXIMIZE ? a > b : a < b;
    }

    /** Orders scores best first (NaN last). */
    public int compare(double a, double b) {
        return better(a, b) ? -1 : better(b, a) ? 1 : 0;
    }

    /** The direction a metric is optimised in when the script gives none: losses and errors are minimised. */
    public static Direction of(String metric) {
        String m = metric.toLowerCase();
        return m.contains("loss") || m.contains("error") || m.equals("mse") || m.equals("mae") || m.equals("rmse")
                ? MINIMIZE : MAXIMIZE;
    }
}
