package org.mlopt.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines two scripts do not share, by a longest-common-subsequence diff of their significant
 * lines (comments, blank lines and spacing ignored). Removed and added lines of one hunk are
 * paired into changes so a changed setting reads as one before/after pair.
 */
final class ScriptDiff {

    /** A difference: {@code before} or {@code after} is null for a line only one script has. */
    record Change(ScriptLines.Line before, ScriptLines.Line after, String block) {}

    private ScriptDiff() {}

    static List<Change> of(String scriptA, String scriptB) {
        List<ScriptLines.Line> a = ScriptLines.of(scriptA), b = ScriptLines.of(scriptB);
        List<String> blocksA = blocks(a), blocksB = blocks(b);
        int n = a.size(), m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i][j] = a.get(i).text().equals(b.get(j).text()) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        List<Change> out = new ArrayList<>();
        List<Integer> removed = new ArrayList<>(), added = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).text().equals(b.get(j).text())) {
                flush(out, a, b, blocksA, blocksB, removed, added);
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) added.add(j++);
            else removed.add(i++);
        }
        flush(out, a, b, blocksA, blocksB, removed, added);
        return out;
    }

    private static void flush(List<Change> out, List<ScriptLines.Line> a, List<ScriptLines.Line> b, List<String> blocksA, List<String> blocksB,
                              List<Integer> removed, List<Integer> added) {
        int k = Math.max(removed.size(), added.size());
        for (int x = 0; x < k; x++) {
            Integer r = x < removed.size() ? removed.get(x) : null, s = x < added.size() ? added.get(x) : null;
            String block = r != null ? blocksA.get(r) : blocksB.get(s);
            out.add(new Change(r == null ? null : a.get(r), s == null ? null : b.get(s), block));
        }
        removed.clear();
        added.clear();
    }

    /** For each line, the opening line of the outermost block it sits in ("" at top level or for the opening line itself). */
    private static List<String> blocks(List<ScriptLines.Line> lines) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        String header = "";
        for (ScriptLines.Line l : lines) {
            out.add(depth > 0 ? header : "");
            int before = depth;
            depth = Math.max(0, depth + braces(l.text()));
            if (before == 0 && depth > 0) header = l.text().replaceAll("\\s*\\{.*$", "");
        }
        return out;
    }

    private static int braces(String s) {
        int d = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && inString) i++;
            else if (c == '"') inString = !inString;
            else if (!inString && c == '{') d++;
            else if (!inString && c == '}') d--;
        }
        return d;
    }
}
