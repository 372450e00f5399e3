package org.mlopt.report;

import org.mlopt.util.Json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Escaping and number formatting shared by the SVG plots and the HTML page. */
public final class Svg {

    /** The SVG namespace, the only URI a report contains. */
    public static final String NAMESPACE = "http://www.w3.org/2000/svg";

    private Svg() {}

    /** Text safe inside XML/HTML element content and double-quoted attribute values. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters even when escaped.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') sb.append('?');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** A pixel coordinate: two decimals at most, no exponent. */
    public static String px(double v) {
        if (!Double.isFinite(v)) return "0";
        BigDecimal b = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (b.signum() == 0) return "0";
        return b.toPlainString();
    }

    /** The exact value for a {@code data-value} attribute: reads back to the same double. */
    public static String exact(double v) {
        return Double.isNaN(v) ? "NaN" : Json.number(v);
    }

    /** A value for people: about {@code digits} significant digits, no needless zeros. */
    public static String human(double v, int digits) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            BigDecimal b = new BigDecimal(v).round(new java.math.MathContext(digits, RoundingMode.HALF_EVEN));
            String s = b.stripTrailingZeros().toPlainString();
            return s;
        }
        String s = String.format(Locale.ROOT, "%." + Math.max(0, digits - 1) + "e", v);
        int e = s.indexOf('e');
        String mant = s.substring(0, e);
        if (mant.contains(".")) mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
        int exp = Integer.parseInt(s.substring(e + 1));
        return mant + "e" + exp;
    }

    /** A value for people with four significant digits. */
    public static String human(double v) {
        return human(v, 4);
    }
}
