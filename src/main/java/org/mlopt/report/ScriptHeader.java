package org.mlopt.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The first line of a run folder's {@code script.mlopt}: {@code # run with --seed N --set a=b ...}.
 *
 * @param seed      the seed, or null when the header names none
 * @param overrides the {@code --set} values in order, as written ({@code name=value})
 */
public record ScriptHeader(Long seed, List<String> overrides) {

    static final String PREFIX = "# run with";

    /** Reads the header from the script text; an absent header gives no seed and no overrides. */
    public static ScriptHeader parse(String script) {
        String first = script.lines().findFirst().orElse("");
        if (!first.startsWith(PREFIX)) return new ScriptHeader(null, List.of());
        String[] words = first.substring(PREFIX.length()).trim().split("\\s+");
        Long seed = null;
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("--seed") && i + 1 < words.length) {
                try {
                    seed = Long.parseLong(words[++i]);
                } catch (NumberFormatException e) {
                    seed = null;
                }
            } else if (words[i].equals("--set") && i + 1 < words.length) sets.add(words[++i]);
        }
        return new ScriptHeader(seed, List.copyOf(sets));
    }

    /** The script without its header line. */
    public static String body(String script) {
        if (!script.startsWith(PREFIX)) return script;
        int nl = script.indexOf('\n');
        return nl < 0 ? "" : script.substring(nl + 1);
    }
}
