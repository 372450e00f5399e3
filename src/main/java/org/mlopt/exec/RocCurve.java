package org.mlopt.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ROC curve of a binary classifier: one point per distinct score threshold, from (0, 0) to
 * (1, 1), as scikit-learn's {@code roc_curve(drop_intermediate=False)} computes it.
 */
final class RocCurve {

    private RocCurve() {}

    /**
     * @param labels  true labels, 1 for the positive class
     * @param scores  the predicted probability of the positive class
     */
    static Map<String, Object> of(int[] labels, double[] scores, String positive) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int positives = 0;
        for (int l : labels) if (l == 1) positives++;
        int negatives = labels.length - positives;
        List<Double> fpr = new ArrayList<>(List.of(0.0));
        List<Double> tpr = new ArrayList<>(List.of(0.0));
        int tp = 0, fp = 0;
        for (int k = 0; k < order.length; k++) {
            if (labels[order[k]] == 1) tp++;
            else fp++;
            boolean lastOfThreshold = k == order.length - 1 || scores[order[k + 1]] != scores[order[k]];
            if (lastOfThreshold) {
                fpr.add(negatives == 0 ? 0.0 : (double) fp / negatives);
                tpr.add(positives == 0 ? 0.0 : (double) tp / positives);
            }
        }
        Map<String, Object> curve = new LinkedHashMap<>();
        curve.put("positive", positive);
        curve.put("fpr", fpr);
        curve.put("tpr", tpr);
        return curve;
    }
}
