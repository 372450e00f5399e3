package org.mlopt.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between two runs: the settings (seed, {@code --set} overrides, script lines)
 * and every scalar metric side by side with its difference. Steps are matched by what they
 * are ({@code evaluate clf on test}, first, second, ...), not by plan id, so a changed plan
 * still lines up.
 *
 * @param first    the first run
 * @param second   the second run
 * @param settings the settings that differ, and only those
 * @param metrics  one row per (step, metric) found in either run
 */
public record RunComparison(RunRecord first, RunRecord second, List<SettingChange> settings, List<MetricRow> metrics) {

    /** A setting with different values: {@code before}/{@code after} are null where one run lacks it. */
    public record SettingChange(String setting, String before, String after) {}

    /** A metric of one step in both runs; NaN where a run lacks it. */
    public record MetricRow(String step, String metric, double first, double second) {
        public double difference() {
            return second - first;
        }
    }

    public static RunComparison of(RunRecord a, RunRecord b) {
        return new RunComparison(a, b, settings(a, b), metrics(a, b));
    }

    private static List<SettingChange> settings(RunRecord a, RunRecord b) {
        List<SettingChange> out = new ArrayList<>();
        if (!Objects.equals(a.seed(), b.seed()))
            out.add(new SettingChange("--seed", a.seed() == null ? null : a.seed().toString(), b.seed() == null ? null : b.seed().toString()));
        Map<String, String> setA = overrides(a), setB = overrides(b);
        Set<String> names = new LinkedHashSet<>(setA.keySet());
        names.addAll(setB.keySet());
        for (String n : names)
            if (!Objects.equals(setA.get(n), setB.get(n))) out.add(new SettingChange("--set " + n, setA.get(n), setB.get(n)));
        for (ScriptDiff.Change c : ScriptDiff.of(a.script(), b.script())) {
            String where = c.before() != null && c.after() != null
                    ? (c.before().number() == c.after().number() ? "line " + c.before().number() : "lines " + c.before().number() + " / " + c.after().number())
                    : "line " + (c.before() != null ? c.before().number() : c.after().number());
            if (!c.block().isEmpty()) where += " in " + c.block();
            out.add(new SettingChange(where, c.before() == null ? null : c.before().text(), c.after() == null ? null : c.after().text()));
        }
        return out;
    }

    private static Map<String, String> overrides(RunRecord r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String o : r.header().overrides()) {
            int eq = o.indexOf('=');
            if (eq < 0) out.put(o, "");
            else out.put(o.substring(0, eq).strip(), o.substring(eq + 1).strip());
        }
        return out;
    }

    private static List<MetricRow> metrics(RunRecord a, RunRecord b) {
        Map<String, Map<String, Double>> ma = byStep(a), mb = byStep(b);
        Set<String> steps = new LinkedHashSet<>(ma.keySet());
        steps.addAll(mb.keySet());
        List<MetricRow> out = new ArrayList<>();
        for (String step : steps) {
            Map<String, Double> x = ma.getOrDefault(step, Map.of()), y = mb.getOrDefault(step, Map.of());
            Set<String> names = new LinkedHashSet<>(x.keySet());
            names.addAll(y.keySet());
            for (String n : names) out.add(new MetricRow(step, n, x.getOrDefault(n, Double.NaN), y.getOrDefault(n, Double.NaN)));
        }
        return out;
    }

    /** Scalar metrics keyed by step title, numbered when a title repeats. */
    private static Map<String, Map<String, Double>> byStep(RunRecord r) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (StepRecord s : r.steps()) {
            int k = seen.merge(s.title(), 1, Integer::sum);
            Map<String, Double> m = s.scalarMetrics();
            if (!m.isEmpty()) out.put(k == 1 ? s.title() : s.title() + " (" + k + ")", m);
        }
        return out;
    }

    /** The comparison as aligned text for the terminal. */
    public String render() {
        String nameA = String.valueOf(first.folder().getFileName()), nameB = String.valueOf(second.folder().getFileName());
        StringBuilder sb = new StringBuilder();
        sb.append("1: ").append(nameA).append('\n').append("2: ").append(nameB).append("\n\n");
        if (settings.isEmpty()) sb.append("Settings: the same script, seed and overrides.\n");
        else {
            sb.append("Settings that differ:\n");
            int w = 0;
            for (SettingChange c : settings) if (!c.setting().startsWith("line")) w = Math.max(w, c.setting().length());
            for (SettingChange c : settings) {
                if (c.setting().startsWith("line")) {
                    sb.append("  ").append(c.setting()).append('\n');
                    if (c.before() != null) sb.append("    1: ").append(c.before()).append('\n');
                    else sb.append("    1: (absent)\n");
                    if (c.after() != null) sb.append("    2: ").append(c.after()).append('\n');
                    else sb.append("    2: (absent)\n");
                } else {
                    sb.append("  ").append(pad(c.setting(), w)).append("  ").append(c.before() == null ? "(not set)" : c.before()).append(" → ")
                            .append(c.after() == null ? "(not set)" : c.after()).append('\n');
                }
            }
        }
        sb.append('\n');
        if (metrics.isEmpty()) return sb.append("Metrics: neither run recorded any.\n").toString();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"step", "metric", "1", "2", "2 − 1"});
        for (MetricRow m : metrics)
            rows.add(new String[] {m.step(), m.metric(), cell(m.first()), cell(m.second()), difference(m)});
        int[] w = new int[5];
        for (String[] r : rows) for (int i = 0; i < 5; i++) w[i] = Math.max(w[i], r[i].length());
        sb.append("Metrics:\n");
        String lastStep = null;
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            String step = k > 0 && r[0].equals(lastStep) ? "" : r[0];
            if (k > 0) lastStep = r[0];
            sb.append("  ").append(pad(step, w[0])).append("  ").append(pad(r[1], w[1]));
            for (int i = 2; i < 5; i++) sb.append("  ").append(padLeft(r[i], w[i]));
            sb.append('\n');
            if (k == 0) {
                int total = w[0] + w[1] + w[2] + w[3] + w[4] + 8;
                sb.append("  ").append("─".repeat(total)).append('\n');
            }
        }
        sb.append(lossCurves());
        return sb.toString();
    }

    /** Terminal sparklines of each training step's loss in both runs, one line per run. */
    private String lossCurves() {
        Map<String, List<Double>> a = losses(first), b = losses(second);
        Set<String> steps = new LinkedHashSet<>(a.keySet());
        steps.addAll(b.keySet());
        if (steps.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("\nLoss by epoch:\n");
        for (String step : steps) {
            sb.append("  ").append(step).append('\n');
            sb.append(curve("1", a.get(step))).append(curve("2", b.get(step)));
        }
        return sb.toString();
    }

    private static String curve(String run, List<Double> loss) {
        if (loss == null) return "    " + run + "  (no history)\n";
        double last = loss.isEmpty() ? Double.NaN : loss.get(loss.size() - 1);
        return "    " + run + "  " + Sparkline.ofLoss(loss, 60) + "  " + loss.size() + " epochs, last " + cell(last) + (Sparkline.logScaled(loss) ? " (log scale)" : "") + "\n";
    }

    private static Map<String, List<Double>> losses(RunRecord r) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (StepRecord s : r.steps()) {
            int k = seen.merge(s.title(), 1, Integer::sum);
            List<Double> loss = new ArrayList<>();
            for (double v : HistoryCharts.column(s.history(), "loss")) loss.add(v);
            if (loss.stream().anyMatch(Double::isFinite)) out.put(k == 1 ? s.title() : s.title() + " (" + k + ")", loss);
        }
        return out;
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "—" : Svg.human(v, 6);
    }

    private static String difference(MetricRow m) {
        if (Double.isNaN(m.first()) || Double.isNaN(m.second())) return "";
        double d = m.difference();
        if (d == 0) return "0";
        return (d > 0 ? "+" : "") + Svg.human(d, 4);
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String padLeft(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }
}
