package org.mlopt.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Node;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;
import org.mlopt.loss.Loss;
import org.mlopt.optim.Adam;
import org.mlopt.tensor.MatMuls;
import org.mlopt.train.Dataset;
import org.mlopt.train.TrainConfig;
import org.mlopt.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * Training gives bit-identical weights on 1, 2 and 3 threads. The network is wide enough that every
 * split applies: its products (from 0.5 MFLOP), bias + ReLU forward and backward (from 8192
 * elements) and Adam's steps on the two weight matrices (from 16384 elements) all run split when
 * threads &gt; 1, and the last batch is a partial one.
 */
class ThreadCountDeterminismTest {

    @Test
    void sameWeightsOnOneTwoAndThreeThreads() {
        Dataset data = data(1000, 100);
        int before = MatMuls.threads();
        try {
            List<float[]> one = train(data, 1);
            for (int threads : new int[] {2, 3}) {
                List<float[]> many = train(data, threads);
                for (int i = 0; i < one.size(); i++) {
                    assertArrayEquals(one.get(i), many.get(i), "parameter " + i + " with " + threads + " threads");
                }
            }
            assertTrue(one.get(0)[0] != 0f, "trained weights");
        } finally {
            MatMuls.setThreads(before);
        }
    }

    private static List<float[]> train(Dataset data, int threads) {
        MatMuls.setThreads(threads);
        Network net = Network.compile(NetworkSpec.mlp(3, Activation.RELU, 100, 256, 256, 10));
        new Trainer(net, new Loss.CrossEntropy(), Adam.adam(1e-3), TrainConfig.of(2, 128, 5)).fit(data);
        List<float[]> out = new ArrayList<>();
        for (Node p : net.parameters()) {
            out.add(p.value().fa().clone());
        }
        return out;
    }

    /** Gaussian features, labels from a random linear teacher. */
    private static Dataset data(int n, int d) {
        SplittableRandom r = new SplittableRandom(11);
        Tensor x = Tensor.zeros(Precision.FLOAT32, n, d);
        double[] teacher = new double[d * 10];
        for (int i = 0; i < teacher.length; i++) teacher[i] = r.nextGaussian();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) x.set(i * d + j, r.nextGaussian());
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 10; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += x.get(i * d + j) * teacher[j * 10 + c];
                if (s > best) {
                    best = s;
                    y[i] = c;
                }
            }
        }
        return Dataset.classification(x, y);
    }
}
