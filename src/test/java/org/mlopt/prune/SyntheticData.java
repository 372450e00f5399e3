package org.mlopt.prune;

import java.util.SplittableRandom;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;
import org.mlopt.train.Dataset;

/** A small seeded classification problem for fast tests: labels are the argmax of a fixed linear map. */
final class SyntheticData {

    private SyntheticData() {}

    static Dataset classification(int n, int d, int k, long seed, Precision p) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] map = new double[d][k];
        SplittableRandom mr = new SplittableRandom(12345);
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < k; c++) {
                map[i][c] = mr.nextGaussian();
            }
        }
        Tensor x = Tensor.zeros(p, n, d);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] score = new double[k];
            for (int j = 0; j < d; j++) {
                double v = r.nextGaussian();
                x.set(i * d + j, v);
                for (int c = 0; c < k; c++) {
                    score[c] += v * map[j][c];
                }
            }
            int arg = 0;
            for (int c = 1; c < k; c++) {
                if (score[c] > score[arg]) {
                    arg = c;
                }
            }
            y[i] = arg;
        }
        return Dataset.classification(x, y);
    }
}
