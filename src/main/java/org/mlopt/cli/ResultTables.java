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

    public static void print(RunResult run, PrintWriter out) {
        for (StepResult s : run.steps()) {
            switch (s.kind()) {
                case "train" -> out.println("trained " + s.subject() + " on " + s.data() + summary(s.details()));
                case "evaluate" -> {
                    out.println();
                    out.println("evaluate " + s.subject() + " on " + s.data() + " (" + s.details().get("rows") + " rows)");
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
            if (e.getValue() instanceof Double d) out.printf(Locale.ROOT, "  %-" + width + "s  %.6f%n", e.getKey(), d);
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
