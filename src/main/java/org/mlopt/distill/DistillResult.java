package org.mlopt.distill;

import org.mlopt.nn.Network;
import org.mlopt.train.History;

/**
 * The distilled student and, when requested, the baseline student trained without the teacher,
 * with their histories and evaluation scores (accuracy for classification, mean squared error for
 * regression; NaN without evaluation data). Baseline fields are null / NaN when not run.
 */
public record DistillResult(Network student, History history, double studentScore,
        Network baseline, History baselineHistory, double baselineScore, double teacherScore) {

    /** Student score minus baseline score (NaN without a baseline). */
    public double gainOverBaseline() {
        return studentScore - baselineScore;
    }
}
