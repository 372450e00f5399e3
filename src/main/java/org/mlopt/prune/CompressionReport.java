package org.mlopt.prune;

import java.util.List;

/**
 * What pruning did: the model before, right after the last pruning phase and after fine-tuning
 * (sizes, file bytes, inference time, accuracy; without fine-tuning the last two are the same), the
 * sparsity each phase reached, the fine-tuning epochs run, and every phase's accuracy after pruning
 * and after fine-tuning. The last stage's accuracies are those of {@code afterPruning} and (when
 * fine-tuned) {@code afterFineTuning}.
 */
public record CompressionReport(ModelSnapshot before, ModelSnapshot afterPruning, ModelSnapshot afterFineTuning,
        List<Double> phaseSparsities, int fineTuneEpochs, List<PruneStage> stages) {

    public CompressionReport {
        phaseSparsities = List.copyOf(phaseSparsities);
        stages = List.copyOf(stages);
    }

    /** A plain-text table, one line per model state. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format("%-18s %10s %10s %9s %10s %9s %9s %9s%n",
                "state", "params", "non-zeros", "sparsity", "file B", "infer ms", "csr ms", "accuracy"));
        row(sb, "before", before);
        row(sb, "after pruning", afterPruning);
        row(sb, "after fine-tune", afterFineTuning);
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, ModelSnapshot s) {
        if (s == null) {
            return;
        }
        sb.append(String.format("%-18s %10d %10d %9.4f %10d %9.3f %9.3f %9.4f%n", name, s.parameters(), s.nonZeros(),
                s.sparsity(), s.fileBytes(), s.inferenceMillis(), s.sparseInferenceMillis(), s.accuracy()));
    }
}
