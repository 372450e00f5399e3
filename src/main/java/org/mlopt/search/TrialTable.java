package org.mlopt.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text tables of a search's trials: one row per trial with its parameters, mean score ± population
 * sd over folds, wall time and state; the best trial is marked with {@code *}. {@link #render}
 * works on a partial list too, for a live table.
 */
public final class TrialTable {

    private TrialTable() {}

    /** The table of {@code trials} scored by {@code metric}; {@code best} (may be null) gets a star. */
    public static String render(List<TrialResult> trials, String metric, TrialResult best) {
        List<String> keys = keys(trials);
        List<String> header = new ArrayList<>(List.of("trial"));
        boolean rungs = trials.stream().anyMatch(t -> !t.resource().full());
        if (rungs) header.add("resource");
        header.addAll(keys);
        header.add(metric);
        header.add("time");
        header.add("state");
        List<List<String>> rows = new ArrayList<>();
        for (TrialResult t : trials) {
            List<String> row = new ArrayList<>();
            row.add((best != null && best.number() == t.number() ? "*" : "") + (t.number() + 1));
            if (rungs) row.add(t.resource().full() ? "" : ConfigValues.format(t.resource().amount()));
            for (String k : keys) row.add(t.config().has(k) ? ConfigValues.format(t.config().get(k)) : "-");
            double m = t.mean(metric);
            row.add(Double.isNaN(m) ? "-" : String.format(Locale.ROOT, "%.6f ± %.6f", m, t.sd(metric)));
            row.add(String.format(Locale.ROOT, "%.2fs", t.seconds()));
            String state = t.state().name().toLowerCase(Locale.ROOT);
            row.add(t.message() == null ? state : state + ": " + t.message());
            rows.add(row);
        }
        return layout(header, rows);
    }

    /** The final table of a search result. */
    public static String render(SearchResult result) {
        return render(result.trials(), result.metric(), result.best().orElse(null));
    }

    /** Comma-separated trials: number, bracket, rung, resource, parameters, per-fold and mean score, sd, seconds, state, message. */
    public static String csv(SearchResult result) {
        List<String> keys = keys(result.trials());
        int folds = result.trials().stream().mapToInt(t -> t.folds().size()).max().orElse(0);
        List<String> header = new ArrayList<>(List.of("trial", "bracket", "rung", "resource", "amount"));
        header.addAll(keys);
        for (int f = 0; f < folds; f++) header.add("fold" + f + "_" + result.metric());
        header.addAll(List.of("mean_" + result.metric(), "std_" + result.metric(), "seconds", "state", "message"));
        StringBuilder out = new StringBuilder(String.join(",", header)).append('\n');
        for (TrialResult t : result.trials()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(t.number()), Integer.toString(t.bracket()),
                    Integer.toString(t.rung()), t.resource().kind(), t.resource().full() ? "" : ConfigValues.format(t.resource().amount())));
            for (String k : keys) row.add(t.config().has(k) ? cell(ConfigValues.format(t.config().get(k))) : "");
            for (int f = 0; f < folds; f++) {
                Double v = f < t.folds().size() ? t.folds().get(f).metrics().get(result.metric()) : null;
                row.add(v == null ? "" : Double.toString(v));
            }
            row.add(Double.toString(t.mean(result.metric())));
            row.add(Double.toString(t.sd(result.metric())));
            row.add(String.format(Locale.ROOT, "%.4f", t.seconds()));
            row.add(t.state().name().toLowerCase(Locale.ROOT));
            row.add(t.message() == null ? "" : cell(t.message()));
            out.append(String.join(",", row)).append('\n');
        }
        return out.toString();
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static List<String> keys(List<TrialResult> trials) {
        Set<String> keys = new LinkedHashSet<>();
        for (TrialResult t : trials) keys.addAll(t.config().values().keySet());
        return new ArrayList<>(keys);
    }

    private static String layout(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int i = 0; i < header.size(); i++) width[i] = header.get(i).length();
        for (List<String> r : rows) for (int i = 0; i < r.size(); i++) width[i] = Math.max(width[i], r.get(i).length());
        StringBuilder out = new StringBuilder();
        line(out, header, width);
        List<String> rule = new ArrayList<>();
        for (int w : width) rule.add("-".repeat(w));
        line(out, rule, width);
        for (List<String> r : rows) line(out, r, width);
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) l.append("  ");
            l.append(cells.get(i)).append(" ".repeat(width[i] - cells.get(i).length()));
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }
}
