package org.mlopt.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;
import org.mlopt.loss.Loss;
import org.mlopt.nn.DenseLayerSpec;
import org.mlopt.nn.Initializer;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;
import org.mlopt.optim.Adam;
import org.mlopt.train.Dataset;
import org.mlopt.train.TrainConfig;
import org.mlopt.train.Trainer;

class DistillerTest {

    /** Labels from a fixed random linear map of Gaussian features. */
    static Dataset data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        SplittableRandom mr = new SplittableRandom(99);
        int d = 6;
        int k = 3;
        double[][] map = new double[d][k];
        for (double[] row : map) {
            for (int c = 0; c < k; c++) {
                row[c] = mr.nextGaussian();
            }
        }
        Tensor x = Tensor.zeros(Precision.FLOAT32, n, d);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] s = new double[k];
            for (int j = 0; j < d; j++) {
                double v = r.nextGaussian();
                x.set(i * d + j, v);
                for (int c = 0; c < k; c++) {
                    s[c] += v * map[j][c];
                }
            }
            y[i] = s[0] > s[1] ? (s[0] > s[2] ? 0 : 2) : (s[1] > s[2] ? 1 : 2);
        }
        return Dataset.classification(x, y);
    }

    static Network teacher(Dataset train) {
        NetworkSpec spec = new NetworkSpec(6, List.of(new DenseLayerSpec(32, Activation.RELU, 0.3),
                DenseLayerSpec.dense(3, Activation.IDENTITY)), Initializer.TORCH_DEFAULT, Precision.FLOAT32, 5);
        Network t = Network.compile(spec);
        new Trainer(t, new Loss.CrossEntropy(), Adam.adam(1e-2), TrainConfig.of(20, 32, 0)).fit(train);
        return t;
    }

    @Test
    void teacherOutputsAreTheEvaluationModePredictions() {
        Dataset train = data(200, 1);
        Network t = teacher(train);
        Tensor a = Distiller.teacherOutputs(t, train.features());
        Tensor b = Distiller.teacherOutputs(t, train.features());
        Tensor c = t.predict(train.features());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k), b.get(k));
            assertEquals(c.get(k), a.get(k));
        }
    }

    @Test
    void distillsAndTrainsTheBaselineFromTheSameInitialWeights() {
        Dataset train = data(300, 1);
        Dataset test = data(300, 2);
        Network t = teacher(train);
        NetworkSpec student = NetworkSpec.mlp(7, Activation.RELU, 6, 4, 3);
        DistillConfig cfg = new DistillConfig(2.0, 0.5, Adam.adam(1e-2), TrainConfig.of(15, 32, 0), true);
        DistillResult r = Distiller.distill(t, student, train, null, cfg, test);
        assertNotNull(r.baseline());
        assertEquals(15, r.history().epochs().size());
        assertTrue(r.studentScore() > 0.8, "student " + r.studentScore());
        assertTrue(r.baselineScore() > 0.8, "baseline " + r.baselineScore());
        assertTrue(r.teacherScore() > 0.85, "teacher " + r.teacherScore());
        // same seed, same result
        DistillResult again = Distiller.distill(t, student, train, null, cfg, test);
        List<Tensor> a = r.student().snapshot();
        List<Tensor> b = again.student().snapshot();
        for (int p = 0; p < a.size(); p++) {
            for (int k = 0; k < a.get(p).size(); k++) {
                assertEquals(a.get(p).get(k), b.get(p).get(k));
            }
        }
        // α = 0 is plain cross-entropy: the distilled student equals the baseline
        DistillResult ceOnly = Distiller.distill(t, student,  train, null,
                new DistillConfig(2.0, 0.0, Adam.adam(1e-2), TrainConfig.of(3, 32, 0), true), test);
        Tensor s = ceOnly.student().weights().get(0).value();
        Tensor base = ceOnly.baseline().weights().get(0).value();
        for (int k = 0; k < s.size(); k++) {
            assertEquals(base.get(k), s.get(k), 1e-6);
        }
    }

    @Test
    void transferRowsTeachWhereLabelsAreMissing() {
        Dataset all = data(600, 3);
        Dataset test = data(400, 4);
        Network t = teacher(all);
        int[] few = new int[12];
        for (int i = 0; i < few.length; i++) {
            few[i] = i;
        }
        int[] rest = new int[588];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = 12 + i;
        }
        Dataset labelled = all.select(few, Precision.FLOAT32);
        Tensor transfer = all.select(rest, Precision.FLOAT32).features();
        NetworkSpec student = NetworkSpec.mlp(7, Activation.RELU, 6, 8, 3);
        DistillConfig cfg = new DistillConfig(2.0, 0.9, Adam.adam(1e-2), TrainConfig.of(20, 32, 0), true);
        DistillResult r = Distiller.distill(t, student, labelled, transfer, cfg, test);
        assertEquals(20, r.history().epochs().size());
        assertTrue(r.studentScore() > r.baselineScore() + 0.05,
                "with soft targets " + r.studentScore() + ", 12 labels alone " + r.baselineScore());
    }

    @Test
    void regressionDistillsWithMseToTheTeacher() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 200;
        Tensor x = Tensor.zeros(Precision.FLOAT32, n, 6);
        Tensor y = Tensor.zeros(Precision.FLOAT32, n, 3);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                x.set(i * 6 + j, r.nextGaussian());
            }
            for (int c = 0; c < 3; c++) {
                y.set(i * 3 + c, Math.sin(x.get(i * 6 + c)) + 0.5 * x.get(i * 6 + c + 3));
            }
        }
        Dataset train = Dataset.regression(x, y);
        Network t = Network.compile(NetworkSpec.mlp(1, Activation.TANH, 6, 32, 3));
        new Trainer(t, new Loss.MeanSquaredError(), Adam.adam(1e-2), TrainConfig.of(30, 32, 0)).fit(train);
        DistillResult res = Distiller.distill(t, NetworkSpec.mlp(2, Activation.TANH, 6, 8, 3), train, null,
                new DistillConfig(1.0, 0.5, Adam.adam(1e-2), TrainConfig.of(20, 32, 0), true), train);
        double variance = 0;
        for (int k = 0; k < y.size(); k++) {
            variance += y.get(k) * y.get(k) / y.size();
        }
        assertTrue(res.teacherScore() < 0.2 * variance, "teacher mse " + res.teacherScore());
        assertTrue(res.studentScore() < 0.5 * variance, "student mse " + res.studentScore());
        assertTrue(Double.isFinite(res.baselineScore()));
        assertThrows(IllegalArgumentException.class, () -> Distiller.distill(t, NetworkSpec.mlp(2, Activation.TANH, 6, 8, 3),
                train, x, new DistillConfig(1.0, 0.5, Adam.adam(1e-2), TrainConfig.of(1, 32, 0), false), null));
    }

    @Test
    void rejectsMismatchedWidths() {
        Dataset train = data(50, 1);
        Network t = teacher(train);
        DistillConfig cfg = new DistillConfig(2.0, 0.5, Adam.adam(1e-2), TrainConfig.of(1, 32, 0), false);
        assertThrows(IllegalArgumentException.class,
                () -> Distiller.distill(t, NetworkSpec.mlp(0, Activation.RELU, 6, 4, 2), train, null, cfg, null));
        assertThrows(IllegalArgumentException.class, () -> new DistillConfig(0.0, 0.5, Adam.adam(1e-2), TrainConfig.of(1, 1, 0), false));
        assertThrows(IllegalArgumentException.class, () -> new DistillConfig(1.0, 1.5, Adam.adam(1e-2), TrainConfig.of(1, 1, 0), false));
    }
}
