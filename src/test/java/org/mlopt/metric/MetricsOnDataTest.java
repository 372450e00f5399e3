package org.mlopt.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlopt.data.CsvReader;
import org.mlopt.data.Dataset;
import org.mlopt.util.Json;

/**
 * Metrics on the breast_cancer test split (test_idx of src/test/resources/reference/splits/breast_cancer.json)
 * with mean_radius as the score and "mean_radius > 15" as the prediction, malignant positive.
 * Expected values: scikit-learn 1.2.1 (Debian python3) on the same arrays:
 * roc_auc_score(y, s), roc_auc_score(y, round(s)) (many ties), precision/recall/f1_score(y, s > 15),
 * f1_score(..., average="macro").
 */
class MetricsOnDataTest {

    @Test
    void breastCancerTestSplit() throws Exception {
        Dataset all = CsvReader.read(Path.of("examples/data/breast_cancer.csv"), CsvReader.Options.defaults());
        Map<?, ?> ref = (Map<?, ?>) Json.read(Files.readString(Path.of("src/test/resources/reference/splits/breast_cancer.json")));
        int[] test = ((List<?>) ref.get("test_idx")).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        Dataset d = all.rows(test);
        int n = d.numRows();
        double[] score = new double[n];
        double[] rounded = new double[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            score[i] = d.features().get(i, 0);
            rounded[i] = Math.rint(score[i]);
            predicted[i] = score[i] > 15 ? 1 : 0;
        }
        int malignant = d.classes().indexOf("malignant");
        assertEquals(1, malignant);
        assertEquals(0.9485324947589099, ProbabilityMetrics.rocAuc(d.labels(), score, malignant), 1e-14);
        assertEquals(0.9486373165618449, ProbabilityMetrics.rocAuc(d.labels(), rounded, malignant), 1e-14);
        Predictions p = Predictions.classification(d.classes(), d.labels(), predicted, null);
        assertEquals(0.9333333333333333, ((MetricValue.Scalar) Metrics.compute("precision", Map.of("positive", "malignant"), p)).value(), 1e-15);
        assertEquals(0.7924528301886793, ((MetricValue.Scalar) Metrics.compute("recall", Map.of(), p)).value(), 1e-15);
        assertEquals(0.8571428571428572, ((MetricValue.Scalar) Metrics.compute("f1", Map.of(), p)).value(), 1e-15);
        assertEquals(0.8913373860182372, ((MetricValue.Scalar) Metrics.compute("f1", Map.of("average", "macro"), p)).value(), 1e-15);
    }
}
