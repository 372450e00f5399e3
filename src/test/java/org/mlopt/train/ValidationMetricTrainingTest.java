package org.mlopt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;
import org.mlopt.loss.Loss;
import org.mlopt.metric.Average;
import org.mlopt.metric.ClassificationMetrics;
import org.mlopt.metric.ProbabilityMetrics;
import org.mlopt.metric.RegressionMetrics;
import org.mlopt.nn.Network;
import org.mlopt.optim.Adam;
import org.mlopt.optim.ReduceOnPlateau;

/**
 * Early stopping and the plateau schedule on validation metrics: each epoch's recorded value is
 * checked against the metric computed independently from the network's predictions at that epoch,
 * the stopping epoch and best epoch against what the recorded history implies, and the restored
 * weights against the best recorded value.
 */
class ValidationMetricTrainingTest {

    /** Three overlapping Gaussian blobs in 5 dimensions, so validation scores move up and down. */
    static Dataset noisyBlobs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Tensor x = Tensor.zeros(Precision.FLOAT64, n, 5);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 5; j++) {
                x.set(i * 5 + j, r.nextGaussian() + (j == y[i] ? 0.8 : 0.0));
            }
        }
        return Dataset.classification(x, y);
    }

    private static int[] argmax(Tensor scores) {
        int[] out = new int[scores.rows()];
        for (int i = 0; i < out.length; i++) {
            for (int j = 1; j < scores.cols(); j++) {
                if (scores.get(i, j) > scores.get(i, out[i])) {
                    out[i] = j;
                }
            }
        }
        return out;
    }

    private static double macroF1(Network net, Dataset data) {
        return ClassificationMetrics.f1(data.labels(), argmax(net.predict(data.features())), 3, Average.MACRO, 2);
    }

    /**
     * The 1-based epoch at which training with this patience (and no min_delta) stops, from the
     * recorded values alone: the first epoch ending a window of max(patience, 1) epochs none of
     * which beats the best value before the window; 0 when there is none.
     */
    private static int impliedStop(double[] v, int patience, boolean maximize) {
        int w = Math.max(patience, 1);
        for (int e = w + 1; e <= v.length; e++) {
            double before = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (int i = 0; i < e - w; i++) {
                before = maximize ? Math.max(before, v[i]) : Math.min(before, v[i]);
            }
            boolean beaten = false;
            for (int i = e - w; i < e; i++) {
                beaten |= maximize ? v[i] > before : v[i] < before;
            }
            if (!beaten) {
                return e;
            }
        }
        return 0;
    }

    /** The first epoch (1-based) holding the best of the first {@code count} values. */
    private static int firstBest(double[] v, int count, boolean maximize) {
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (maximize ? v[i] > v[best] : v[i] < v[best]) {
                best = i;
            }
        }
        return best + 1;
    }

    private static double[] column(History h, String key) {
        return h.epochs().stream().mapToDouble(r -> r.metric(key)).toArray();
    }

    @Test
    void macroF1StopsWhereTheHistorySaysAndRestoresTheBestWeights() {
        Dataset train = noisyBlobs(90, 1);
        Dataset val = noisyBlobs(45, 2);
        Network net = TrainerTest.mlp(3, Precision.FLOAT64, 5, 3);
        ValidationMetric f1 = ValidationMetric.of("f1", Map.of("average", "macro"));
        List<Double> independent = new ArrayList<>();
        Trainer trainer = new Trainer(net, new Loss.CrossEntropy(), Adam.adam(0.02),
                TrainConfig.of(200, 16, 0).withEarlyStopping(new EarlyStopping(f1, 3, 0.0, true)));
        trainer.onEpoch((epoch, record) -> independent.add(macroF1(net, val)));
        History h = trainer.fit(train, val);

        double[] recorded = column(h, "val_f1_macro");
        for (int e = 0; e < recorded.length; e++) {
            assertEquals(independent.get(e), recorded[e], 1e-12, "epoch " + (e + 1));
        }
        assertEquals(History.StopReason.EARLY_STOPPED, h.stopReason());
        assertEquals(impliedStop(recorded, 3, true), recorded.length);
        assertEquals(firstBest(recorded, recorded.length, true), h.bestEpoch());
        assertTrue(h.bestEpoch() < recorded.length);
        assertEquals(recorded[h.bestEpoch() - 1], macroF1(net, val), 1e-12, "the restored weights score the best recorded F1");
        assertTrue(macroF1(net, val) > recorded[recorded.length - 1] || recorded[h.bestEpoch() - 1] == recorded[recorded.length - 1]);
    }

    @Test
    void withoutRestoreBestTheLastWeightsStay() {
        Dataset train = noisyBlobs(90, 1);
        Dataset val = noisyBlobs(45, 2);
        Network net = TrainerTest.mlp(3, Precision.FLOAT64, 5, 3);
        History h = new Trainer(net, new Loss.CrossEntropy(), Adam.adam(0.02), TrainConfig.of(200, 16, 0)
                .withEarlyStopping(new EarlyStopping(ValidationMetric.of("f1", Map.of("average", "macro")), 3, 0.0, false))).fit(train, val);
        double[] recorded = column(h, "val_f1_macro");
        assertEquals(History.StopReason.EARLY_STOPPED, h.stopReason());
        assertEquals(recorded[recorded.length - 1], macroF1(net, val), 1e-12);
    }

    @Test
    void minDeltaCountsOnlyLargerSteps() {
        Dataset train = noisyBlobs(90, 1);
        Dataset val = noisyBlobs(45, 2);
        double minDelta = 0.05;
        History h = new Trainer(TrainerTest.mlp(3, Precision.FLOAT64, 5, 3), new Loss.CrossEntropy(), Adam.adam(0.02),
                TrainConfig.of(200, 16, 0).withEarlyStopping(new EarlyStopping(ValidationMetric.of("accuracy"), 2, minDelta, true)))
                .fit(train, val);
        double[] v = column(h, "val_accuracy");
        // replay by hand: an epoch counts when it beats the last counted best by more than min_delta
        double best = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        int wait = 0;
        int stop = 0;
        for (int e = 1; e <= v.length && stop == 0; e++) {
            if (v[e - 1] - minDelta > best) {
                best = v[e - 1];
                bestEpoch = e;
                wait = 0;
            } else if (++wait == 2) {
                stop = e;
            }
        }
        assertEquals(stop, v.length);
        assertEquals(bestEpoch, h.bestEpoch());
    }

    @Test
    void regressionMetricsWatchedInTheirDirection() {
        Dataset train = TrainerTest.linear(80, 4, 1.0, Precision.FLOAT64);
        Dataset val = TrainerTest.linear(40, 5, 1.0, Precision.FLOAT64);
        for (String metric : List.of("r2", "mae")) {
            Network net = TrainerTest.mlp(1, Precision.FLOAT64, 3, 1);
            List<Double> independent = new ArrayList<>();
            ValidationMetric m = ValidationMetric.of(metric);
            Trainer trainer = new Trainer(net, new Loss.MeanSquaredError(), Adam.adam(0.05),
                    TrainConfig.of(150, 16, 0).withEarlyStopping(new EarlyStopping(m, 2, 0.0, true)));
            double[] truth = new double[val.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = val.targets().get(i);
            }
            trainer.onEpoch((epoch, record) -> {
                Tensor p = net.predict(val.features());
                double[] pred = new double[truth.length];
                for (int i = 0; i < pred.length; i++) {
                    pred[i] = p.get(i);
                }
                independent.add(metric.equals("r2") ? RegressionMetrics.r2(truth, pred) : RegressionMetrics.mae(truth, pred));
            });
            History h = trainer.fit(train, val);
            double[] recorded = column(h, "val_" + metric);
            for (int e = 0; e < recorded.length; e++) {
                assertEquals(independent.get(e), recorded[e], 1e-12, metric + " epoch " + (e + 1));
            }
            boolean maximize = metric.equals("r2");
            assertEquals(maximize, m.higherIsBetter());
            int stop = impliedStop(recorded, 2, maximize);
            assertEquals(stop == 0 ? 150 : stop, recorded.length, metric);
            assertEquals(firstBest(recorded, recorded.length, maximize), h.bestEpoch(), metric);
        }
    }

    @Test
    void sigmoidOutputsGiveBinaryMetrics() {
        // two classes from a linear rule, a 0/1 target column as binary cross-entropy trains on
        SplittableRandom r = new SplittableRandom(7);
        int n = 120;
        Tensor x = Tensor.zeros(Precision.FLOAT64, n, 3);
        Tensor t = Tensor.zeros(Precision.FLOAT64, n, 1);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                double v = r.nextGaussian();
                x.set(i * 3 + j, v);
                s += v * (j + 1);
            }
            t.set(i, s + r.nextGaussian() > 0 ? 1 : 0);
        }
        Dataset all = Dataset.regression(x, t).withClasses(List.of("no", "yes"));
        int[] trIdx = new int[80];
        int[] vaIdx = new int[40];
        for (int i = 0; i < 80; i++) {
            trIdx[i] = i;
        }
        for (int i = 0; i < 40; i++) {
            vaIdx[i] = 80 + i;
        }
        Dataset train = all.select(trIdx, Precision.FLOAT64);
        Dataset val = all.select(vaIdx, Precision.FLOAT64);
        assertEquals(List.of("no", "yes"), val.classes());
        Network net = TrainerTest.mlp(2, Precision.FLOAT64, 3, 1);
        ValidationMetric auc = ValidationMetric.of("roc_auc");
        ValidationMetric precision = ValidationMetric.of("precision", Map.of("positive", "no"));
        List<double[]> independent = new ArrayList<>();
        boolean[] positive = new boolean[40];
        boolean[] negative = new boolean[40];
        int[] truth = new int[40];
        for (int i = 0; i < 40; i++) {
            truth[i] = (int) val.targets().get(i);
            positive[i] = truth[i] == 1;
            negative[i] = truth[i] == 0;
        }
        Trainer trainer = new Trainer(net, new Loss.BinaryCrossEntropyWithLogits(), Adam.adam(0.02),
                TrainConfig.of(30, 16, 0).withEarlyStopping(new EarlyStopping(auc, 100, 0.0, false))
                        .withSchedule(new MonitoredSchedule(new ReduceOnPlateau(true, 0.5, 0, 1e-4, 0.0), precision.key(), precision)));
        trainer.onEpoch((epoch, record) -> {
            Tensor z = net.predict(val.features());
            double[] score = new double[40];
            int[] predicted = new int[40];
            for (int i = 0; i < 40; i++) {
                score[i] = z.get(i);
                predicted[i] = 1 / (1 + Math.exp(-score[i])) > 0.5 ? 1 : 0;
            }
            independent.add(new double[] {ProbabilityMetrics.rocAuc(positive, score),
                    ClassificationMetrics.precision(truth, predicted, 2, Average.BINARY, 0)});
        });
        History h = trainer.fit(train, val);
        assertEquals(30, h.epochs().size());
        for (int e = 0; e < 30; e++) {
            EpochRecord rec = h.epochs().get(e);
            assertEquals(independent.get(e)[0], rec.metric("val_roc_auc"), 1e-12, "roc_auc epoch " + (e + 1));
            assertEquals(independent.get(e)[1], rec.metric("val_precision_no"), 1e-12, "precision epoch " + (e + 1));
        }
        // the plateau schedule (patience 0) halves the rate after every epoch whose precision does not beat the best
        double best = Double.NEGATIVE_INFINITY;
        double lr = 0.02;
        for (int e = 0; e < 30; e++) {
            EpochRecord rec = h.epochs().get(e);
            assertEquals(lr, rec.learningRate(), 1e-15, "lr of epoch " + (e + 1));
            double v = rec.metric("val_precision_no");
            if (v > best * (1 + 1e-4)) {
                best = v;
            } else {
                lr *= 0.5;
            }
        }
        assertTrue(lr < 0.02, "the schedule reduced the rate at least once");
        assertFalse(negative.length == 0);
    }

    @Test
    void aMetricOfTheWrongTaskOrWithoutValidationDataIsAnError() {
        Dataset train = noisyBlobs(60, 1);
        Dataset val = noisyBlobs(30, 2);
        Trainer wrongTask = new Trainer(TrainerTest.mlp(1, Precision.FLOAT64, 5, 3), new Loss.CrossEntropy(), Adam.adam(0.01),
                TrainConfig.of(3, 10, 0).withEarlyStopping(new EarlyStopping(ValidationMetric.of("r2"), 1, 0, true)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wrongTask.fit(train, val));
        assertEquals("metric 'r2' is for regression targets, and this network is trained with class labels", e.getMessage());
        Trainer noValidation = new Trainer(TrainerTest.mlp(1, Precision.FLOAT64, 5, 3), new Loss.CrossEntropy(), Adam.adam(0.01),
                TrainConfig.of(3, 10, 0).withEarlyStopping(new EarlyStopping(ValidationMetric.of("f1"), 1, 0, true)));
        e = assertThrows(IllegalArgumentException.class, () -> noValidation.fit(train));
        assertEquals("early stopping monitors 'val_f1', which this run does not compute; available: loss, accuracy"
                + " (give validation data or a validation fraction)", e.getMessage());
    }

    @Test
    void aValidationFractionKeepsTheClassNames() {
        // two classes named a and b; precision of class a needs the names on the held-out rows
        Dataset three = noisyBlobs(90, 3);
        int[] labels = three.labels().clone();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = labels[i] == 0 ? 0 : 1;
        }
        Dataset data = Dataset.classification(three.features(), labels).withClasses(List.of("a", "b"));
        History h = new Trainer(TrainerTest.mlp(1, Precision.FLOAT64, 5, 2), new Loss.CrossEntropy(), Adam.adam(0.01),
                TrainConfig.of(4, 10, 0).withValidationFraction(0.3)
                        .withEarlyStopping(new EarlyStopping(ValidationMetric.of("precision", Map.of("positive", "a")), 10, 0, true)))
                .fit(data);
        assertEquals(4, h.epochs().size());
        for (EpochRecord r : h.epochs()) {
            assertTrue(r.metric("val_precision_a") >= 0 && r.metric("val_precision_a") <= 1);
        }
    }
}
