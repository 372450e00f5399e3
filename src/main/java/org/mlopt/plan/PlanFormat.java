package org.mlopt.plan;

import java.util.Locale;

/** Number formats shared by the plan views. */
final class PlanFormat {

    private PlanFormat() {}

    /** A whole number with thousands separators, else up to 4 significant digits. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+($|e)", "$1");
    }

    static String count(long v) {
        return v < 0 ? "?" : String.format(Locale.ROOT, "%,d", v);
    }

    /** FLOPs with an SI prefix: 1.2 GFLOP. */
    static String flops(double f) {
        if (f < 0) return "? FLOP";
        String[] units = {"FLOP", "kFLOP", "MFLOP", "GFLOP", "TFLOP", "PFLOP"};
        int u = 0;
        while (f >= 1000 && u < units.length - 1) {
            f /= 1000;
            u++;
        }
        return (u == 0 ? String.format(Locale.ROOT, "%.0f", f) : String.format(Locale.ROOT, "%.3g", f)) + " " + units[u];
    }
}
