package org.mlopt.nn;

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

/**
 * Started in a fresh JVM by {@link ThreadCountDeterminismTest}: trains the same network on 1, 2 and
 * 3 threads and prints a digest of the weights' bits for each. The network is wide enough that every
 * split applies: its products (from 0.5 MFLOP), bias + ReLU forward and backward (from 8192
 * elements) and Adam's steps on the two weight matrices (from 16384 elements) all run split when
 * threads &gt; 1, and the last batch is a partial one.
 */
public final class ThreadCountDeterminismProbe {

    private ThreadCountDeterminismProbe() {}

    /**
     * Prints one line per thread count (0: the initial weights, untrained; then 1, 2, 3): the count,
     * a CRC-32 of every weight's bits and the number of weights.
     */
    public static void main(String[] args) {
        Dataset data = data(1000, 100);
        for (int threads : new int[] {0, 1, 2, 3}) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            long count = 0;
            for (float[] w : train(data, threads)) {
                for (float v : w) {
                    int bits = Float.floatToRawIntBits(v);
                    crc.update(bits >>> 24);
                    crc.update(bits >>> 16);
                    crc.update(bits >>> 8);
                    crc.update(bits);
                }
                count += w.length;
            }
            System.out.println(threads + " " + Long.toHexString(crc.getValue()) + " " + count);
        }
    }

    private static List<float[]> train(Dataset data, int threads) {
        MatMuls.setThreads(Math.max(1, threads));
        Network net = Network.compile(NetworkSpec.mlp(3, Activation.RELU, 100, 256, 256, 10));
        if (threads > 0) {
            new Trainer(net, new Loss.CrossEntropy(), Adam.adam(1e-3), TrainConfig.of(2, 128, 5)).fit(data);
        }
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
