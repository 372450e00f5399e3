package org.mlopt.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.MatrixDimensionException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link VectorMatMul} against EJML's products ({@link EjmlMatMul}) on shapes that exercise
 * every kernel and tail: 1×1×1, primes, k = 1, very thin and very wide operands, K beyond one K
 * block, M beyond one L2 block, and random shapes from a fixed seed.
 */
class VectorMatMulTest {

    private static final MatMul EJML = new EjmlMatMul();
    private static final MatMul VECTOR = new VectorMatMul(1);

    /** Relative tolerance against the sum of |a_ik · b_kj|, which grows with k. */
    private static final double F32_REL = 1e-5;
    private static final double F64_REL = 1e-13;

    enum Form { AB, ATB, ABT }

    static Stream<Arguments> shapes() {
        List<int[]> dims = new ArrayList<>(List.of(
                new int[] {1, 1, 1}, new int[] {7, 13, 5}, new int[] {3, 1, 9}, new int[] {1, 300, 1},
                new int[] {2, 5, 300}, new int[] {300, 3, 2}, new int[] {33, 65, 17}, new int[] {64, 64, 64},
                new int[] {32, 64, 10}, new int[] {17, 300, 35}, new int[] {130, 7, 40}, new int[] {9, 513, 33},
                new int[] {5, 2, 16}, new int[] {11, 1, 1}, new int[] {1, 1, 47}, new int[] {100, 600, 100},
                new int[] {40, 70, 300}, new int[] {20, 300, 260}, new int[] {150, 40, 137}));
        Random rnd = new Random(20261129L);
        for (int t = 0; t < 24; t++) {
            dims.add(new int[] {1 + rnd.nextInt(70), 1 + rnd.nextInt(90), 1 + rnd.nextInt(70)});
        }
        List<Arguments> cases = new ArrayList<>();
        for (int[] d : dims) {
            for (Form f : Form.values()) cases.add(Arguments.of(d[0], d[1], d[2], f));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "f32 {3} {0}x{1}x{2}")
    @MethodSource("shapes")
    void f32MatchesEjml(int m, int k, int n, Form form) {
        Random rnd = new Random(31L * m + 17L * k + n);
        FMatrixRMaj a = form == Form.ATB ? randomF(k, m, rnd) : randomF(m, k, rnd);
        FMatrixRMaj b = form == Form.ABT ? randomF(n, k, rnd) : randomF(k, n, rnd);
        FMatrixRMaj aCopy = a.copy(), bCopy = b.copy();
        FMatrixRMaj expected = new FMatrixRMaj(m, n);
        FMatrixRMaj actual = new FMatrixRMaj(m, n);
        java.util.Arrays.fill(actual.data, Float.NaN); // the output is overwritten, not accumulated
        run(EJML, form, a, b, expected);
        run(VECTOR, form, a, b, actual);
        assertArrayEquals(aCopy.data, a.data, "input a changed");
        assertArrayEquals(bCopy.data, b.data, "input b changed");
        FMatrixRMaj scale = new FMatrixRMaj(m, n);
        run(EJML, form, abs(a), abs(b), scale);
        for (int i = 0; i < m * n; i++) {
            double tol = F32_REL * scale.data[i] + 1e-30;
            if (!(Math.abs(actual.data[i] - expected.data[i]) <= tol)) {
                fail("element " + i + ": " + actual.data[i] + " vs EJML " + expected.data[i] + " (tol " + tol + ")");
            }
        }
    }

    @ParameterizedTest(name = "f64 {3} {0}x{1}x{2}")
    @MethodSource("shapes")
    void f64MatchesEjml(int m, int k, int n, Form form) {
        Random rnd = new Random(37L * m + 13L * k + n);
        DMatrixRMaj a = form == Form.ATB ? randomD(k, m, rnd) : randomD(m, k, rnd);
        DMatrixRMaj b = form == Form.ABT ? randomD(n, k, rnd) : randomD(k, n, rnd);
        DMatrixRMaj aCopy = a.copy(), bCopy = b.copy();
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        DMatrixRMaj actual = new DMatrixRMaj(m, n);
        java.util.Arrays.fill(actual.data, Double.NaN);
        run(EJML, form, a, b, expected);
        run(VECTOR, form, a, b, actual);
        assertArrayEquals(aCopy.data, a.data, "input a changed");
        assertArrayEquals(bCopy.data, b.data, "input b changed");
        DMatrixRMaj scale = new DMatrixRMaj(m, n);
        run(EJML, form, abs(a), abs(b), scale);
        for (int i = 0; i < m * n; i++) {
            double tol = F64_REL * scale.data[i] + 1e-300;
            if (!(Math.abs(actual.data[i] - expected.data[i]) <= tol)) {
                fail("element " + i + ": " + actual.data[i] + " vs EJML " + expected.data[i] + " (tol " + tol + ")");
            }
        }
    }

    @Test
    void emptyInnerDimensionGivesZeros() {
        FMatrixRMaj c = new FMatrixRMaj(3, 4);
        java.util.Arrays.fill(c.data, 5f);
        VECTOR.mult(new FMatrixRMaj(3, 0), new FMatrixRMaj(0, 4), c);
        assertArrayEquals(new float[12], c.data);
    }

    @Test
    void outputAliasingAnInputIsRejected() {
        FMatrixRMaj a = randomF(4, 4, new Random(1));
        FMatrixRMaj b = randomF(4, 4, new Random(2));
        assertThrows(IllegalArgumentException.class, () -> VECTOR.mult(a, b, a));
        assertThrows(IllegalArgumentException.class, () -> VECTOR.multTransA(a, b, b));
        FMatrixRMaj sharesData = FMatrixRMaj.wrap(4, 4, b.data);
        assertThrows(IllegalArgumentException.class, () -> VECTOR.multTransB(a, b, sharesData));
        DMatrixRMaj d = randomD(4, 4, new Random(3));
        assertThrows(IllegalArgumentException.class, () -> VECTOR.mult(d, d, d));
    }

    @Test
    void sameInputTwiceIsAllowed() {
        DMatrixRMaj x = randomD(50, 9, new Random(4));
        DMatrixRMaj expected = new DMatrixRMaj(9, 9);
        DMatrixRMaj actual = new DMatrixRMaj(9, 9);
        EJML.multTransA(x, x, expected);
        VECTOR.multTransA(x, x, actual);
        assertArrayEquals(expected.data, actual.data, 1e-12);
    }

    /** Xᵀ X takes the symmetric path: the same bits as the full product of X with a copy of X. */
    @ParameterizedTest(name = "{0}x{1}")
    @MethodSource("gramShapes")
    void gramMatrixEqualsTheFullProductBitForBit(int rows, int cols) {
        Random rnd = new Random(7L * rows + cols);
        DMatrixRMaj x = randomD(rows, cols, rnd);
        DMatrixRMaj full = new DMatrixRMaj(cols, cols), gram = new DMatrixRMaj(cols, cols);
        DMatrixRMaj split = new DMatrixRMaj(cols, cols), ejml = new DMatrixRMaj(cols, cols);
        VECTOR.multTransA(x, x.copy(), full);
        VECTOR.multTransA(x, x, gram);
        new VectorMatMul(3, 0).multTransA(x, x, split);
        EJML.multTransA(x, x, ejml);
        assertArrayEquals(full.data, gram.data);
        assertArrayEquals(full.data, split.data);
        for (int i = 0; i < ejml.data.length; i++) assertEquals(ejml.data[i], gram.data[i], 1e-13 * rows);
        FMatrixRMaj xf = randomF(rows, cols, rnd);
        FMatrixRMaj fullF = new FMatrixRMaj(cols, cols), gramF = new FMatrixRMaj(cols, cols);
        FMatrixRMaj splitF = new FMatrixRMaj(cols, cols);
        VECTOR.multTransA(xf, xf.copy(), fullF);
        VECTOR.multTransA(xf, xf, gramF);
        new VectorMatMul(2, 0).multTransA(xf, xf, splitF);
        assertArrayEquals(fullF.data, gramF.data);
        assertArrayEquals(fullF.data, splitF.data);
    }

    static Stream<Arguments> gramShapes() {
        return Stream.of(Arguments.of(1, 1), Arguments.of(300, 100), Arguments.of(40, 37), Arguments.of(513, 23),
                Arguments.of(9, 70));
    }

    @Test
    void wrongShapesAreRejected() {
        assertThrows(MatrixDimensionException.class,
                () -> VECTOR.mult(new FMatrixRMaj(3, 4), new FMatrixRMaj(5, 2), new FMatrixRMaj(3, 2)));
        assertThrows(MatrixDimensionException.class,
                () -> VECTOR.mult(new FMatrixRMaj(3, 4), new FMatrixRMaj(4, 2), new FMatrixRMaj(2, 3)));
        assertThrows(MatrixDimensionException.class,
                () -> VECTOR.multTransB(new DMatrixRMaj(3, 4), new DMatrixRMaj(2, 5), new DMatrixRMaj(3, 2)));
    }

    /**
     * Split from 0 flops up (a real split happens only above {@link ParallelRows#MIN_FLOPS}), with row
     * tails, a narrow column tail, two K blocks and wide B (packed): any thread count, same bits.
     */
    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("splitShapes")
    void threadCountDoesNotChangeABit(int m, int k, int n) {
        Random rnd = new Random(5);
        for (Form form : Form.values()) {
            FMatrixRMaj a = form == Form.ATB ? randomF(k, m, rnd) : randomF(m, k, rnd);
            FMatrixRMaj b = form == Form.ABT ? randomF(n, k, rnd) : randomF(k, n, rnd);
            FMatrixRMaj one = new FMatrixRMaj(m, n);
            run(new VectorMatMul(1), form, a, b, one);
            for (int threads : new int[] {2, 3}) {
                FMatrixRMaj many = new FMatrixRMaj(m, n);
                run(new VectorMatMul(threads, 0), form, a, b, many);
                assertArrayEquals(one.data, many.data, "f32 " + form + " with " + threads + " threads");
            }
            DMatrixRMaj da = form == Form.ATB ? randomD(k, m, rnd) : randomD(m, k, rnd);
            DMatrixRMaj db = form == Form.ABT ? randomD(n, k, rnd) : randomD(k, n, rnd);
            DMatrixRMaj dOne = new DMatrixRMaj(m, n);
            run(new VectorMatMul(1), form, da, db, dOne);
            for (int threads : new int[] {2, 3}) {
                DMatrixRMaj dMany = new DMatrixRMaj(m, n);
                run(new VectorMatMul(threads, 0), form, da, db, dMany);
                assertArrayEquals(dOne.data, dMany.data, "f64 " + form + " with " + threads + " threads");
            }
        }
    }

    static Stream<Arguments> splitShapes() {
        return Stream.of(Arguments.of(53, 301, 267), Arguments.of(45, 20, 10), Arguments.of(203, 31, 37));
    }

    @Test
    void parallelResultStillMatchesEjml() {
        Random rnd = new Random(6);
        DMatrixRMaj a = randomD(70, 150, rnd), b = randomD(150, 140, rnd);
        DMatrixRMaj expected = new DMatrixRMaj(70, 140), actual = new DMatrixRMaj(70, 140);
        EJML.mult(a, b, expected);
        new VectorMatMul(2, 0).mult(a, b, actual);
        for (int i = 0; i < expected.data.length; i++) {
            assertEquals(expected.data[i], actual.data[i], 1e-11);
        }
    }

    private static void run(MatMul mm, Form form, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        switch (form) {
            case AB -> mm.mult(a, b, c);
            case ATB -> mm.multTransA(a, b, c);
            case ABT -> mm.multTransB(a, b, c);
        }
    }

    private static void run(MatMul mm, Form form, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        switch (form) {
            case AB -> mm.mult(a, b, c);
            case ATB -> mm.multTransA(a, b, c);
            case ABT -> mm.multTransB(a, b, c);
        }
    }

    static FMatrixRMaj randomF(int rows, int cols, Random rnd) {
        FMatrixRMaj x = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rnd.nextFloat() * 2 - 1;
        return x;
    }

    static DMatrixRMaj randomD(int rows, int cols, Random rnd) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rnd.nextDouble() * 2 - 1;
        return x;
    }

    private static FMatrixRMaj abs(FMatrixRMaj x) {
        FMatrixRMaj y = x.copy();
        for (int i = 0; i < y.data.length; i++) y.data[i] = Math.abs(y.data[i]);
        return y;
    }

    private static DMatrixRMaj abs(DMatrixRMaj x) {
        DMatrixRMaj y = x.copy();
        for (int i = 0; i < y.data.length; i++) y.data[i] = Math.abs(y.data[i]);
        return y;
    }
}
