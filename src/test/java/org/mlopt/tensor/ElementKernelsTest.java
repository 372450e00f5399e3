package org.mlopt.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The Vector API element kernels give the scalar kernels' bits on every element, including NaN,
 * signed zeros and the ends of rows that do not fill a vector, and the split of a range does not
 * change a bit.
 */
class ElementKernelsTest {

    private final ElementKernels scalar = new ScalarElementKernels();
    private final ElementKernels vector = new VectorElementKernels();

    @Test
    void vectorKernelsAreChosenWhenTheModuleIsPresent() {
        assertTrue(MatMuls.vectorModulePresent(), "tests run with the Vector API module");
        assertEquals(VectorElementKernels.class, ElementKernels.get().getClass());
    }

    @ParameterizedTest
    @CsvSource({"128, 256", "33, 100", "128, 10", "64, 16", "3, 40", "200, 47"})
    void biasActivationMatchesTheScalarLoop(int rows, int cols) {
        SplittableRandom r = new SplittableRandom(rows * 31L + cols);
        float[] z = values(r, rows * cols);
        float[] b = values(r, cols);
        for (boolean relu : new boolean[] {true, false}) {
            for (float[] bias : new float[][] {b, null}) {
                float[] expected = new float[rows * cols];
                scalar.biasActivate(z, bias, expected, cols, 0, rows, relu);
                float[] whole = new float[rows * cols];
                vector.biasActivate(z, bias, whole, cols, 0, rows, relu);
                assertArrayEquals(expected, whole);
                float[] split = new float[rows * cols];
                int mid = rows / 3;
                vector.biasActivate(z, bias, split, cols, 0, mid, relu);
                vector.biasActivate(z, bias, split, cols, mid, rows, relu);
                assertArrayEquals(expected, split);
            }
        }
        // ReLU: NaN maps to 0 and -0 to +0, as the scalar comparison does.
        float[] out = new float[rows * cols];
        vector.biasActivate(z, b, out, cols, 0, rows, true);
        for (int k = 0; k < out.length; k++) {
            assertTrue(out[k] >= 0f && Float.floatToRawIntBits(out[k]) >= 0, "element " + k + ": " + out[k]);
        }
    }

    @ParameterizedTest
    @CsvSource({"128, 256", "33, 100", "128, 10", "64, 16", "3, 40", "200, 47"})
    void backwardMatchesTheScalarLoopForAnyColumnSplit(int rows, int cols) {
        SplittableRandom r = new SplittableRandom(rows * 17L + cols);
        float[] o = values(r, rows * cols);
        float[] g = values(r, rows * cols);
        float[] db0 = values(r, cols);
        for (boolean relu : new boolean[] {true, false}) {
            for (boolean overwrite : new boolean[] {true, false}) {
                float[] d1 = new float[rows * cols];
                float[] b1 = db0.clone();
                scalar.activationBackward(o, g, d1, b1, rows, cols, 0, cols, relu, overwrite);
                for (int split : new int[] {cols, 16, Math.min(cols, 48)}) {
                    float[] d2 = new float[rows * cols];
                    float[] b2 = db0.clone();
                    for (int c0 = 0; c0 < cols; c0 += split) {
                        vector.activationBackward(o, g, d2, b2, rows, cols, c0, Math.min(cols, c0 + split), relu, overwrite);
                    }
                    assertArrayEquals(d1, d2, "d, split " + split);
                    assertArrayEquals(b1, b2, "db, split " + split);
                }
                float[] d3 = new float[rows * cols];
                vector.activationBackward(o, g, d3, null, rows, cols, 0, cols, relu, overwrite);
                assertArrayEquals(d1, d3, "without a bias");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"65536", "2049", "4000", "100"})
    void adamMatchesTheScalarLoop(int n) {
        SplittableRandom r = new SplittableRandom(n);
        float[] p = values(r, n), g = values(r, n), m = values(r, n), v = values(r, n);
        for (int i = 0; i < n; i++) v[i] = Math.abs(v[i]); // second moments are not negative
        float[] p1 = p.clone(), m1 = m.clone(), v1 = v.clone();
        float[] p2 = p.clone(), m2 = m.clone(), v2 = v.clone();
        for (float wd : new float[] {0f, 0.01f}) {
            scalar.adam(p1, g, m1, v1, 0, n, 0.9f, 0.999f, 0.1f, 0.001f, wd, 0.99f, 1e-3f, 0.3f, 1e-8f);
            int mid = n / 2 + 5;
            vector.adam(p2, g, m2, v2, 0, mid, 0.9f, 0.999f, 0.1f, 0.001f, wd, 0.99f, 1e-3f, 0.3f, 1e-8f);
            vector.adam(p2, g, m2, v2, mid, n, 0.9f, 0.999f, 0.1f, 0.001f, wd, 0.99f, 1e-3f, 0.3f, 1e-8f);
            assertArrayEquals(p1, p2);
            assertArrayEquals(m1, m2);
            assertArrayEquals(v1, v2);
        }
    }

    /** Gaussians with a sprinkling of NaN, infinities and signed zeros. */
    private static float[] values(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(200);
            a[i] = pick == 0 ? Float.NaN : pick == 1 ? -0f : pick == 2 ? 0f : pick == 3 ? Float.NEGATIVE_INFINITY
                    : (float) r.nextGaussian();
        }
        return a;
    }
}
