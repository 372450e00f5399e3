package org.mlopt.report;

import java.util.ArrayList;
import java.util.List;

/** The statements of a script for comparison: one entry per non-blank line, comments removed, spaces normalised. */
final class ScriptLines {

    /** A significant line and its 1-based line number in the file. */
    record Line(int number, String text) {}

    private ScriptLines() {}

    static List<Line> of(String scriptWithHeader) {
        boolean header = scriptWithHeader.startsWith(ScriptHeader.PREFIX);
        String[] raw = scriptWithHeader.split("\r?\n", -1);
        List<Line> out = new ArrayList<>();
        for (int i = header ? 1 : 0; i < raw.length; i++) {
            String t = stripComment(raw[i]).strip().replaceAll("\\s+", " ");
            if (!t.isEmpty()) out.add(new Line(i + 1, t));
        }
        return out;
    }

    /** The line without a {@code #} comment (a {@code #} inside a string literal stays). */
    static String stripComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && inString) i++;
            else if (c == '"') inString = !inString;
            else if (c == '#' && !inString) return line.substring(0, i);
        }
        return line;
    }
}
