package org.mlopt.tensor;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Started in a fresh JVM by {@link MatMulsTest}: prints the chosen kernel and one product, then the
 * element kernels in use and one ReLU forward and Adam step through them.
 */
public final class MatMulsProbe {

    private MatMulsProbe() {}

    public static void main(String[] args) {
        DMatrixRMaj a = new DMatrixRMaj(2, 3, true, 1, 2, 3, 4, 5, 6);
        DMatrixRMaj b = new DMatrixRMaj(3, 2, true, 7, 8, 9, 10, 11, 12);
        DMatrixRMaj c = new DMatrixRMaj(2, 2);
        MatMuls.get().mult(a, b, c);
        System.out.println(MatMuls.describe());
        System.out.println(Arrays.toString(c.data));
        ElementKernels k = ElementKernels.get();
        float[] z = new float[4096];
        for (int i = 0; i < z.length; i++) z[i] = i % 7 - 3;
        float[] o = new float[4096];
        k.biasActivate(z, null, o, 64, 0, 64, true);
        float[] p = z.clone(), m = new float[4096], v = new float[4096];
        k.adam(p, z, m, v, 0, 4096, 0.9f, 0.999f, 0.1f, 0.001f, 0f, 1f, 5f, (float) Math.sqrt(0.001), 0f);
        System.out.println(String.format(java.util.Locale.ROOT, "%s %.1f %.1f %.4f %.4f",
                k.getClass().getSimpleName(), o[0], o[6], p[0], p[6]));
    }
}
