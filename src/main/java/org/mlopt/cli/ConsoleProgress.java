package org.mlopt.cli;

import org.mlopt.exec.RunListener;
import org.mlopt.exec.StepResult;
import org.mlopt.plan.Step;
import org.mlopt.plan.StepKind;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Progress on standard error: on a terminal one line per training step, redrawn every epoch with a
 * bar; otherwise plain lines (one every tenth of the epochs), so logs stay readable.
 */
public final class ConsoleProgress implements RunListener {

    private static final int BAR = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private long started;

    public ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void stepStarted(Step step) {
        started = System.nanoTime();
        if (step.kind() == StepKind.TRAIN && !terminal) {
            err.println(step.label() + " ...");
            err.flush();
        }
    }

    @Override
    public void epoch(Step step, int epoch, int epochs, Map<String, Double> metrics) {
        String figures = figures(metrics);
        if (terminal) {
            int done = epochs == 0 ? BAR : (int) ((long) BAR * epoch / epochs);
            err.print("\r" + step.label() + " [" + "#".repeat(done) + " ".repeat(BAR - done) + "] epoch " + epoch + "/" + epochs
                    + "  " + figures + "\u001b[K");
            err.flush();
        } else if (epoch == epochs || epoch % Math.max(1, epochs / 10) == 0) {
            err.println("  epoch " + epoch + "/" + epochs + "  " + figures);
            err.flush();
        }
    }

    @Override
    public synchronized void trial(Step step, org.mlopt.search.TrialResult t, java.util.List<String> objectives) {
        if (!trialHeader) {
            StringBuilder head = new StringBuilder(String.format(java.util.Locale.ROOT, "  %-6s %-9s", "trial", "state"));
            for (String metric : objectives) head.append(String.format(java.util.Locale.ROOT, " %-20s", metric + " (mean ± sd)"));
            err.println(head.append(String.format(java.util.Locale.ROOT, " %-8s %s", "time", "parameters")));
            trialHeader = true;
        }
        StringBuilder row = new StringBuilder(String.format(java.util.Locale.ROOT, "  %-6d %-9s", t.number(),
                t.state().name().toLowerCase(java.util.Locale.ROOT)));
        for (String metric : objectives) {
            String format = metric.equals(org.mlopt.metric.Metrics.PARAMS) ? "%.0f ± %.0f" : "%.4f ± %.4f";
            String score = Double.isNaN(t.mean(metric)) ? "-" : String.format(java.util.Locale.ROOT, format, t.mean(metric), t.sd(metric));
            row.append(String.format(java.util.Locale.ROOT, " %-20s", score));
        }
        err.println(row.append(String.format(java.util.Locale.ROOT, " %-8s %s", String.format(java.util.Locale.ROOT, "%.2fs", t.seconds()),
                t.config())));
        err.flush();
    }

    private boolean trialHeader;

    @Override
    public void stepFinished(Step step, StepResult result) {
        if (step.kind() != StepKind.TRAIN) return;
        double seconds = (System.nanoTime() - started) / 1e9;
        if (terminal) err.print("\r\u001b[K");
        String curve = "";
        if (!result.history().isEmpty()) {
            java.util.List<Double> losses = new java.util.ArrayList<>();
            for (Map<String, Double> e : result.history()) losses.add(e.get("loss"));
            curve = "  loss " + org.mlopt.report.Sparkline.ofLoss(losses, 40);
        }
        err.println(step.label() + " done in " + String.format(java.util.Locale.ROOT, "%.2f s", seconds) + curve);
        err.flush();
    }

    private static String figures(Map<String, Double> metrics) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (b.length() > 0) b.append("  ");
            b.append(e.getKey()).append(' ').append(String.format(java.util.Locale.ROOT, "%.4f", e.getValue()));
        }
        return b.toString();
    }
}
