package org.mlopt.tensor;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/** Started in a fresh JVM by {@link MatMulsTest}: prints the chosen kernel and one product. */
public final class MatMulsProbe {

    private MatMulsProbe() {}

    public static void main(String[] args) {
        DMatrixRMaj a = new DMatrixRMaj(2, 3, true, 1, 2, 3, 4, 5, 6);
        DMatrixRMaj b = new DMatrixRMaj(3, 2, true, 7, 8, 9, 10, 11, 12);
        DMatrixRMaj c = new DMatrixRMaj(2, 2);
        MatMuls.get().mult(a, b, c);
        System.out.println(MatMuls.describe());
        System.out.println(Arrays.toString(c.data));
    }
}
