package org.mlopt.report;

/** Colours for series (a colour-blind-friendly qualitative set) and for sequential ramps. */
final class Palette {

    private static final String[] SERIES = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#edc948", "#9c755f"};

    private Palette() {}

    static String series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /** A light-to-dark blue ramp for {@code t} in [0, 1]. */
    static String blues(double t) {
        return mix(new int[] {0xf5, 0xf9, 0xfd}, new int[] {0x1c, 0x4e, 0x80}, t);
    }

    /** A yellow-green-blue ramp (viridis-like) for {@code t} in [0, 1]: low scores light, high scores dark. */
    static String scores(double t) {
        int[][] stops = {{0xfd, 0xe7, 0x25}, {0x35, 0xb7, 0x79}, {0x31, 0x68, 0x8e}, {0x44, 0x01, 0x54}};
        t = clamp(t);
        double pos = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(pos));
        return mix(stops[i], stops[i + 1], pos - i);
    }

    /** Whether text on {@code hex} should be white for contrast. */
    static boolean dark(String hex) {
        int r = Integer.parseInt(hex.substring(1, 3), 16), g = Integer.parseInt(hex.substring(3, 5), 16), b = Integer.parseInt(hex.substring(5, 7), 16);
        return 0.299 * r + 0.587 * g + 0.114 * b < 140;
    }

    private static String mix(int[] a, int[] b, double t) {
        t = clamp(t);
        StringBuilder sb = new StringBuilder("#");
        for (int k = 0; k < 3; k++) sb.append(String.format("%02x", (int) Math.round(a[k] + (b[k] - a[k]) * t)));
        return sb.toString();
    }

    private static double clamp(double t) {
        return Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
    }
}
