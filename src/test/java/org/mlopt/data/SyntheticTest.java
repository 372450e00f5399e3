package org.mlopt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mlopt.schema.Task;

class SyntheticTest {
    // References: scikit-learn 1.2.1 / numpy 1.24.2 (Debian python3); tolerance covers BLAS
    // summation order and libm differences in the last bits.

    @Test
    void regressionMatchesMakeRegression() {
        // make_regression(6, 4, n_informative=2, noise=0.5, random_state=3, coef=True)
        Synthetic.RegressionData r = Synthetic.regression(6, 4, 2, 0.5, 3);
        assertArrayEquals(new double[] {1.7886284734303186, 0.43650985051198943, 0.09649746807200862, -1.8634927033644908,
                -0.04381816897592824, -0.47721803035950267, -1.3138647533626822, 0.8846223804995846, 0.8813180422075299,
                1.7095730636529485, 0.05003364217686021, -0.40467741460089085, -0.5453599476195304, -1.5464773155829683,
                0.9823674342581601, -1.1010676301114757, -1.1850465270201729, -0.20564989942254108, 1.4861483550745902,
                0.23671626722691233, -0.27738820251439905, -0.35475897926898675, -0.08274148148245977, -0.6270006768238473},
                r.data().features().data, 1e-13);
        assertArrayEquals(new double[] {64.79835647947345, -12.319077497419656, 64.83067745820331, -50.66059511530968,
                -39.88201026390857, -16.452574872220993}, r.data().target(), 1e-11);
        assertArrayEquals(new double[] {30.636353237617975, 22.19578839321814, 0.0, 0.0}, r.coefficients(), 1e-12);
    }

    @Test
    void blobsMatchMakeBlobs() {
        // make_blobs(7, 2, centers=3, cluster_std=1.5, random_state=1)
        Dataset d = Synthetic.blobs(7, 2, 3, 1.5, 1);
        assertArrayEquals(new double[] {-9.519153859567453, -4.3274041105793195, 0.9576577403762006, 3.2646795175005074,
                -7.548507989678, -8.729309636626668, -5.364228020154583, -9.80306500559509, -7.8045505980856404,
                -7.043559611609686, -2.451817534343703, 2.7970369356089058, -0.3614484619615017, 0.9541818235227373},
                d.features().data, 1e-13);
        assertArrayEquals(new int[] {1, 0, 2, 2, 1, 0, 0}, d.labels());
        assertEquals(Task.MULTICLASS, d.task());
    }

    @Test
    void moonsMatchMakeMoons() {
        // make_moons(9, noise=0.1, random_state=2)
        Dataset d = Synthetic.moons(9, 0.1, 2);
        assertArrayEquals(new double[] {-0.10744555184469112, 0.43827768926451227, 0.349899312624748, 0.9553843839088907,
                1.0739545674641673, -0.6423564962816883, -0.6110727756205943, 0.874883410501676, -1.13542305422856,
                0.005827068923844898, 1.0480084843644573, 0.03869905122598016, 0.4139400357183524, -0.2091197356540741,
                1.7081461759555618, -0.29039057582072, 1.9883989422612933, 0.42983723326272255},
                d.features().data, 1e-13);
        assertArrayEquals(new int[] {1, 0, 1, 0, 0, 0, 1, 1, 1}, d.labels());
    }

    @Test
    void classificationIsSeededBalancedAndSeparable() {
        Dataset a = Synthetic.classification(300, 5, 3, 4, 2.0, 7);
        Dataset b = Synthetic.classification(300, 5, 3, 4, 2.0, 7);
        assertArrayEquals(a.features().data, b.features().data, 0);
        assertArrayEquals(a.labels(), b.labels());
        int[] counts = new int[4];
        for (int y : a.labels()) counts[y]++;
        assertArrayEquals(new int[] {75, 75, 75, 75}, counts);
        // Nearest-class-mean on the informative columns should classify most points (centres 4 apart).
        double[][] mean = new double[4][3];
        for (int i = 0; i < 300; i++) for (int j = 0; j < 3; j++) mean[a.labels()[i]][j] += a.features().get(i, j) / 75;
        int correct = 0;
        for (int i = 0; i < 300; i++) {
            int best = -1;
            double bestD = Double.MAX_VALUE;
            for (int k = 0; k < 4; k++) {
                double s = 0;
                for (int j = 0; j < 3; j++) s += Math.pow(a.features().get(i, j) - mean[k][j], 2);
                if (s < bestD) { bestD = s; best = k; }
            }
            if (best == a.labels()[i]) correct++;
        }
        assertTrue(correct > 240, "nearest-mean accuracy " + correct + "/300");
        assertTrue(Synthetic.classification(300, 5, 3, 4, 2.0, 8).features().get(0, 0) != a.features().get(0, 0));
    }
}
