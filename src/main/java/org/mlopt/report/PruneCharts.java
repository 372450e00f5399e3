package org.mlopt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of a prune step: accuracy against sparsity (the one-shot sweep without
 * fine-tuning, {@code details.sweep}; each schedule phase after pruning and after fine-tuning,
 * {@code details.stages}; the dense model's accuracy as a reference), and the sparsity of each
 * layer ({@code details.layers}). A step without stages is drawn from its metrics.
 */
final class PruneCharts {

    private PruneCharts() {}

    /** A sparsity and the accuracies measured there (NaN where not measured). */
    record Stage(double sparsity, double afterPruning, double afterFineTuning) {}

    static List<Figure> of(StepRecord step) {
        List<Figure> out = new ArrayList<>();
        Figure accuracy = accuracyAgainstSparsity(step);
        if (accuracy != null) out.add(accuracy);
        else {
            Figure stages = accuracyByStage(step);
            if (stages != null) out.add(stages);
        }
        Figure layers = sparsityByLayer(step);
        if (layers != null) out.add(layers);
        Figure size = sizeAfterPruning(step);
        if (size != null) out.add(size);
        return out;
    }

    /**
     * What pruning kept of the model's size and inference time, each as a share of the model before
     * (1 = unchanged); the caption gives the measured values.
     */
    static Figure sizeAfterPruning(StepRecord step) {
        Map<String, Object> d = step.details();
        String[][] measures = {
                {"non-zero parameters", "parameters_before", "nonzeros_after", ""},
                {"file size", "file_bytes_before", "file_bytes_after", " bytes"},
                {"inference time", "inference_ms_before", "inference_ms_after", " ms"},
                {"inference, sparse kernel", "inference_ms_before", "sparse_inference_ms_after", " ms"}};
        List<String> names = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        StringBuilder caption = new StringBuilder("After pruning, as a share of the model before (1 = unchanged):");
        for (String[] m : measures) {
            double before = first(d, m[1]);
            double after = first(d, m[2]);
            if (!(before > 0) || !Double.isFinite(after)) continue;
            names.add(m[0]);
            shares.add(after / before);
            caption.append(names.size() == 1 ? " " : "; ").append(m[0]).append(' ').append(Svg.human(before, 4)).append(" → ")
                    .append(Svg.human(after, 4)).append(m[3]);
        }
        if (names.isEmpty()) return null;
        return new Figure(Figure.fileName(step.id(), "size-after-pruning"),
                SvgPlot.barChart("size and speed after pruning", "share of the model before", names,
                        shares.stream().mapToDouble(Double::doubleValue).toArray()),
                caption.append('.').toString());
    }

    /** Accuracy (up) against sparsity (across); null when the step records no sparsity with an accuracy. */
    static Figure accuracyAgainstSparsity(StepRecord step) {
        List<double[]> sweep = new ArrayList<>();
        if (step.details().get("sweep") instanceof List<?> list)
            for (Object o : list) {
                Map<String, Object> p = StepRecord.map(o);
                double s = first(p, "sparsity", "target_sparsity"), a = first(p, "accuracy", "accuracy_after_pruning");
                if (Double.isFinite(s) && Double.isFinite(a)) sweep.add(new double[] {s, a});
            }
        sweep.sort((a, b) -> Double.compare(a[0], b[0]));
        List<Stage> stages = stages(step);
        boolean anyStage = stages.stream().anyMatch(st -> Double.isFinite(st.afterPruning()) || Double.isFinite(st.afterFineTuning()));
        if (sweep.isEmpty() && !anyStage) return null;

        List<SvgPlot.Series> series = new ArrayList<>();
        double dense = StepRecord.number(step.metrics().get("accuracy_before"));
        double right = 1;
        for (double[] p : sweep) right = Math.max(right, p[0]);
        if (Double.isFinite(dense))
            series.add(new SvgPlot.Series("dense", new double[] {0, right}, new double[] {dense, dense}, SvgPlot.Style.REFERENCE));
        if (!sweep.isEmpty())
            series.add(new SvgPlot.Series("pruned, no fine-tuning", sweep.stream().mapToDouble(p -> p[0]).toArray(),
                    sweep.stream().mapToDouble(p -> p[1]).toArray(), SvgPlot.Style.SOLID));
        double[] x = stages.stream().mapToDouble(Stage::sparsity).toArray();
        double[] pruned = stages.stream().mapToDouble(Stage::afterPruning).toArray();
        double[] tuned = stages.stream().mapToDouble(Stage::afterFineTuning).toArray();
        // One phase is a point; several phases (iterative, gradual) are joined in schedule order.
        SvgPlot.Style stageStyle = stages.size() > 1 ? SvgPlot.Style.SOLID : SvgPlot.Style.POINTS;
        if (present(pruned)) series.add(new SvgPlot.Series("after pruning", x, pruned, stageStyle));
        if (present(tuned)) series.add(new SvgPlot.Series("after fine-tuning", x, tuned, stageStyle));
        String svg = SvgPlot.lineChart("accuracy against sparsity", sparsityLabel(step), "accuracy", series, null, false);
        StringBuilder caption = new StringBuilder();
        if (!sweep.isEmpty()) caption.append("The line prunes the trained model once at each sparsity, without fine-tuning. ");
        caption.append(stages.size() > 1 ? "Each schedule phase" : "The pruned model").append(" is marked right after pruning");
        if (present(tuned)) caption.append(" and after fine-tuning");
        caption.append('.');
        if (Double.isFinite(dense)) caption.append(" Dashed grey: the dense model before pruning.");
        return new Figure(Figure.fileName(step.id(), "accuracy-vs-sparsity"), svg, caption.toString());
    }

    /** {@code details.stages}, or one stage from the step's metrics when it lists none. */
    static List<Stage> stages(StepRecord step) {
        List<Stage> out = new ArrayList<>();
        if (step.details().get("stages") instanceof List<?> list)
            for (Object o : list) {
                Map<String, Object> st = StepRecord.map(o);
                double s = first(st, "sparsity", "target_sparsity");
                if (Double.isFinite(s))
                    out.add(new Stage(s, first(st, "accuracy_after_pruning", "after_pruning"),
                            first(st, "accuracy_after_finetuning", "accuracy_after_fine_tuning", "after_finetuning", "after_fine_tuning")));
            }
        if (out.isEmpty() && step.metrics().get("sparsity") instanceof Number s)
            out.add(new Stage(s.doubleValue(), StepRecord.number(step.metrics().get("accuracy_after_pruning")),
                    StepRecord.number(step.metrics().get("accuracy_after_finetuning"))));
        return out;
    }

    private static String sparsityLabel(StepRecord step) {
        return StepRecord.text(step.details().get("method")).equals("neurons") ? "share of hidden units removed" : "sparsity (share of weights pruned)";
    }

    /** Accuracy before pruning, right after it, and after fine-tuning, as bars: for steps that record no sparsity. */
    private static Figure accuracyByStage(StepRecord step) {
        List<String> names = new ArrayList<>();
        List<Double> accuracy = new ArrayList<>();
        for (String key : List.of("accuracy_before", "accuracy_after_pruning", "accuracy_after_finetuning"))
            if (step.metrics().get(key) instanceof Number n) {
                names.add(key.replace("accuracy_", "").replace('_', ' '));
                accuracy.add(n.doubleValue());
            }
        if (names.size() < 2) return null;
        return new Figure(Figure.fileName(step.id(), "accuracy-by-stage"),
                SvgPlot.barChart("accuracy before and after pruning", "accuracy", names, accuracy.stream().mapToDouble(Double::doubleValue).toArray()),
                "Accuracy on the pruning data before pruning, right after it, and after fine-tuning.");
    }

    private static Figure sparsityByLayer(StepRecord step) {
        if (!(step.details().get("layers") instanceof List<?> layers) || layers.isEmpty()) return null;
        double[] sparsity = new double[layers.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sparsity.length; i++) {
            Map<String, Object> layer = StepRecord.map(layers.get(i));
            if (!(layer.get("sparsity") instanceof Number n)) return null;
            sparsity[i] = n.doubleValue();
            names.add("layer " + (i + 1));
        }
        return new Figure(Figure.fileName(step.id(), "sparsity-by-layer"),
                SvgPlot.barChart("sparsity by layer", "share of zero parameters", names, sparsity),
                "Share of each layer's parameters (weights and biases) that are exactly zero after pruning.");
    }

    /** The first of {@code keys} that holds a number, else NaN. */
    static double first(Map<String, Object> m, String... keys) {
        for (String k : keys) if (m.get(k) instanceof Number n) return n.doubleValue();
        return Double.NaN;
    }

    private static boolean present(double[] v) {
        for (double d : v) if (Double.isFinite(d)) return true;
        return false;
    }
}
