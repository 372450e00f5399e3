package org.mlopt.cli;

import org.mlopt.exec.RunResult;
import org.mlopt.exec.StepResult;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results of a run as tables on standard output. */
public final class ResultTables {

    private ResultTables() {}

    @SuppressWarnings("unchecked")
    public static void print(RunResult run, PrintWriter out) {
        for (StepResult s : run.steps()) {
            switch (s.kind()) {
                case "train" -> out.println("trained " + s.subject() + " on " + s.data() + summary(s.details()));
                case "evaluate" -> {
                    out.println();
                    out.println("evaluate " + s.subject() + " on " + s.data() + " (" + s.details().get("rows") + " rows)");
                    metrics(s.metrics(), out);
                    if (s.details().get("baseline_metrics") instanceof Map<?, ?> baseline) {
                        out.println("  the same student trained without its teacher:");
                        metrics((Map<String, Object>) baseline, out);
                    }
                }
                case "search" -> search(s, out);
                case "save" -> out.println("saved " + s.subject() + " to " + s.details().get("file") + " (" + s.details().get("bytes") + " bytes)");
                case "prune" -> {
                    out.println();
                    out.println("prune " + s.subject() + " (" + s.details().get("method") + ", " + s.details().get("schedule") + "): "
                            + s.details().get("parameters_before") + " -> " + s.details().get("parameters_after") + " parameters, "
                            + s.details().get("nonzeros_after") + " non-zero; file " + s.details().get("file_bytes_before") + " -> "
                            + s.details().get("file_bytes_after") + " bytes");
                    metrics(s.metrics(), out);
                }
                case "distill" -> {
                    out.println();
                    out.println("distill into " + s.subject() + " (T " + s.details().get("temperature") + ", alpha " + s.details().get("alpha")
                            + ", " + s.details().get("epochs") + " epochs; " + s.details().get("teacher_parameters") + " -> "
                            + s.details().get("student_parameters") + " parameters)");
                    metrics(s.metrics(), out);
                }
                default -> {
                    out.println(s.kind() + " " + s.subject() + summary(s.details()));
                    metrics(s.metrics(), out);
                }
            }
        }
        out.flush();
    }

    @SuppressWarnings("unchecked")
    private static void search(StepResult s, PrintWriter out) {
        String metric = s.metrics().keySet().iterator().next();
        out.println();
        out.println("search " + s.subject() + " on " + s.data() + " (" + s.details().get("strategy") + ", " + s.details().get("trials")
                + " trials x " + s.details().get("folds") + " folds)");
        List<Map<String, Object>> trials = (List<Map<String, Object>>) s.details().get("trial_scores");
        if (s.details().get("pareto_front") instanceof List<?> front) {
            paretoFront(s, trials, front, out);
            return;
        }
        List<Map<String, Object>> ranked = new java.util.ArrayList<>(trials);
        boolean lowerIsBetter = org.mlopt.metric.Metrics.isClassification(metric) ? !org.mlopt.metric.Metrics.higherIsBetter(metric)
                : !org.mlopt.metric.Metrics.higherIsBetter(metric);
        java.util.Comparator<Map<String, Object>> byScore = java.util.Comparator.comparingDouble(t -> {
            Object v = t.get("mean_" + metric);
            double d = v instanceof Double x && !x.isNaN() ? x : (lowerIsBetter ? Double.MAX_VALUE : -Double.MAX_VALUE);
            return lowerIsBetter ? d : -d;
        });
        ranked.sort(byScore);
        out.printf(Locale.ROOT, "  %-6s %-12s %-10s %s%n", "trial", "mean " + metric, "std", "parameters");
        for (Map<String, Object> t : ranked.subList(0, Math.min(5, ranked.size())))
            out.printf(Locale.ROOT, "  %-6s %-12.6f %-10.6f %s%n", t.get("trial"), (Double) t.get("mean_" + metric),
                    (Double) t.get("std_" + metric), t.get("params"));
        out.println("  best " + metric + " " + String.format(Locale.ROOT, "%.6f", (Double) s.metrics().get(metric))
                + " with " + s.details().get("best_params"));
        Object snippet = s.details().get("snippet");
        if (snippet != null) {
            out.println("  as a script:");
            for (String line : snippet.toString().split("\n")) out.println("    " + line);
        }
    }

    /** A multi-objective search: its Pareto front, one row per trial, best on the first objective first. */
    @SuppressWarnings("unchecked")
    private static void paretoFront(StepResult s, List<Map<String, Object>> trials, List<?> front, PrintWriter out) {
        List<String> metrics = new java.util.ArrayList<>();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-6s", "trial"));
        for (Object o : (List<Object>) s.details().get("objectives")) {
            Map<String, Object> objective = (Map<String, Object>) o;
            String metric = objective.get("metric").toString();
            metrics.add(metric);
            String label = metric + (objective.get("direction").equals("maximize") ? " ↑" : " ↓");
            head.append(String.format(Locale.ROOT, " %-14s", label));
        }
        out.println("  Pareto front: " + front.size() + " of " + trials.size() + " trials, none beaten on every objective by another");
        out.println(head.append(" parameters"));
        for (Object number : front)
            for (Map<String, Object> t : trials) {
                if (!t.get("trial").equals(number)) continue;
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-6s", number));
                for (String metric : metrics) {
                    double v = (Double) t.get("mean_" + metric);
                    row.append(String.format(Locale.ROOT, " %-14s", metric.equals(org.mlopt.metric.Metrics.PARAMS)
                            ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.6f", v)));
                }
                out.println(row.append(' ').append(t.get("params")));
            }
        out.println("  refitted: the front's best on " + metrics.get(0) + ", " + s.details().get("best_params"));
        Object snippet = s.details().get("snippet");
        if (snippet != null) {
            out.println("  as a script:");
            for (String line : snippet.toString().split("\n")) out.println("    " + line);
        }
    }

    private static String summary(Map<String, Object> details) {
        StringBuilder b = new StringBuilder();
        for (String key : List.of("parameters", "epochs", "iterations", "nonzero_coefficients", "solver", "stopped", "best_epoch")) {
            Object v = details.get(key);
            if (v == null) continue;
            b.append(b.length() == 0 ? ": " : ", ").append(key.replace('_', ' ')).append(' ').append(v);
        }
        return b.toString();
    }

    private static void metrics(Map<String, Object> metrics, PrintWriter out) {
        int width = 6;
        for (String k : metrics.keySet()) width = Math.max(width, k.length());
        for (Map.Entry<String, Object> e : metrics.entrySet()) {
            if (e.getValue() instanceof Double d && e.getKey().equals(org.mlopt.metric.Metrics.PARAMS))
                out.printf(Locale.ROOT, "  %-" + width + "s  %d%n", e.getKey(), Math.round(d));
            else if (e.getValue() instanceof Double d) out.printf(Locale.ROOT, "  %-" + width + "s  %.6f%n", e.getKey(), d);
            else if (e.getValue() instanceof Map<?, ?> m) confusion(e.getKey(), m, out);
            else out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", e.getKey(), e.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static void confusion(String name, Map<?, ?> matrix, PrintWriter out) {
        List<String> labels = (List<String>) matrix.get("labels");
        List<List<Integer>> counts = (List<List<Integer>>) matrix.get("counts");
        out.println("  " + name + " (rows: true, columns: predicted)");
        int w = 5;
        for (String l : labels) w = Math.max(w, l.length());
        for (List<Integer> row : counts) for (int c : row) w = Math.max(w, Integer.toString(c).length());
        StringBuilder head = new StringBuilder("    " + " ".repeat(w));
        for (String l : labels) head.append("  ").append(String.format("%" + w + "s", l));
        out.println(head);
        for (int i = 0; i < counts.size(); i++) {
            StringBuilder row = new StringBuilder("    " + String.format("%" + w + "s", labels.get(i)));
            for (int c : counts.get(i)) row.append("  ").append(String.format("%" + w + "d", c));
            out.println(row);
        }
    }
}
