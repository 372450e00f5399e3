package org.mlopt.tensor;

import java.util.function.IntSupplier;
import org.ejml.MatrixDimensionException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.Matrix;

/**
 * Matrix products on the Java Vector API ({@code jdk.incubator.vector}): register-blocked
 * micro-kernels ({@link F32Gemm}, {@link F64Gemm}) with K/L2 blocking, optionally splitting the rows
 * of large outputs across threads ({@link ParallelRows}). Results are bit-identical for any thread
 * count. Only load this class when the module is present ({@link MatMuls} does it reflectively).
 */
public final class VectorMatMul implements MatMul {

    private final IntSupplier threads;
    private final long parallelMinFlops;

    /** Uses the thread count configured in {@link MatMuls#threads()} at each call. */
    public VectorMatMul() {
        this(MatMuls::threads, ParallelRows.MIN_FLOPS);
    }

    /** Uses a fixed number of threads for large products. */
    public VectorMatMul(int threads) {
        this(fixed(threads), ParallelRows.MIN_FLOPS);
    }

    /** Splits products from {@code parallelMinFlops} (2·m·k·n) up; tests use it to split small products. */
    VectorMatMul(int threads, long parallelMinFlops) {
        this(fixed(threads), parallelMinFlops);
    }

    private VectorMatMul(IntSupplier threads, long parallelMinFlops) {
        this.threads = threads;
        this.parallelMinFlops = parallelMinFlops;
    }

    private static IntSupplier fixed(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        return () -> threads;
    }

    @Override
    public String name() {
        return "vector (Vector API; fp32 " + lanes(F32Gemm.SPECIES) + ", fp64 " + lanes(F64Gemm.SPECIES)
                + "; narrow outputs along K on fp32 " + lanes(F32Dot.SPECIES) + ", fp64 " + lanes(F64Dot.SPECIES) + ")";
    }

    private static String lanes(jdk.incubator.vector.VectorSpecies<?> species) {
        return species.vectorBitSize() + "-bit x" + species.length();
    }

    @Override
    public void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        int m = a.numRows, k = a.numCols, n = b.numCols;
        check(a, b, c, b.numRows == k, m, n, "mult");
        f32(m, k, n, a.data, k, 1, b.data, n, 1, c.data);
    }

    @Override
    public void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        int m = a.numCols, k = a.numRows, n = b.numCols;
        check(a, b, c, b.numRows == k, m, n, "multTransA");
        if (a.data == b.data && m == n) {
            // aᵀ a is symmetric: compute the upper triangle and mirror it.
            float[] cd = c.data;
            if (split(m, k, n)) {
                ParallelRows.run(m, 2L * m * k * n, parallelMinFlops, threads.getAsInt(),
                        (i0, i1) -> F32Gemm.upperRows(a.data, 1, m, b.data, n, 1, cd, n, k, i0, i1, GemmBlocking.F32));
            } else {
                F32Gemm.upperRows(a.data, 1, m, b.data, n, 1, cd, n, k, 0, m, GemmBlocking.F32);
            }
            F32Gemm.mirrorUpper(cd, n);
            return;
        }
        f32(m, k, n, a.data, 1, m, b.data, n, 1, c.data);
    }

    @Override
    public void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        int m = a.numRows, k = a.numCols, n = b.numRows;
        check(a, b, c, b.numCols == k, m, n, "multTransB");
        f32(m, k, n, a.data, k, 1, b.data, 1, k, c.data);
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int m = a.numRows, k = a.numCols, n = b.numCols;
        check(a, b, c, b.numRows == k, m, n, "mult");
        f64(m, k, n, a.data, k, 1, b.data, n, 1, c.data);
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int m = a.numCols, k = a.numRows, n = b.numCols;
        check(a, b, c, b.numRows == k, m, n, "multTransA");
        if (a.data == b.data && m == n) {
            // aᵀ a is symmetric: compute the upper triangle and mirror it.
            double[] cd = c.data;
            if (split(m, k, n)) {
                ParallelRows.run(m, 2L * m * k * n, parallelMinFlops, threads.getAsInt(),
                        (i0, i1) -> F64Gemm.upperRows(a.data, 1, m, b.data, n, 1, cd, n, k, i0, i1, GemmBlocking.F64));
            } else {
                F64Gemm.upperRows(a.data, 1, m, b.data, n, 1, cd, n, k, 0, m, GemmBlocking.F64);
            }
            F64Gemm.mirrorUpper(cd, n);
            return;
        }
        f64(m, k, n, a.data, 1, m, b.data, n, 1, c.data);
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int m = a.numRows, k = a.numCols, n = b.numRows;
        check(a, b, c, b.numCols == k, m, n, "multTransB");
        f64(m, k, n, a.data, k, 1, b.data, 1, k, c.data);
    }

    private void f32(int m, int k, int n, float[] a, int ars, int acs, float[] b, int bks, int bjs, float[] c) {
        if (split(m, k, n)) {
            ParallelRows.run(m, 2L * m * k * n, parallelMinFlops, threads.getAsInt(),
                    (i0, i1) -> F32Gemm.rows(a, ars, acs, b, bks, bjs, c, n, k, i0, i1, GemmBlocking.F32));
        } else {
            F32Gemm.rows(a, ars, acs, b, bks, bjs, c, n, k, 0, m, GemmBlocking.F32);
        }
    }

    private void f64(int m, int k, int n, double[] a, int ars, int acs, double[] b, int bks, int bjs, double[] c) {
        if (split(m, k, n)) {
            ParallelRows.run(m, 2L * m * k * n, parallelMinFlops, threads.getAsInt(),
                    (i0, i1) -> F64Gemm.rows(a, ars, acs, b, bks, bjs, c, n, k, i0, i1, GemmBlocking.F64));
        } else {
            F64Gemm.rows(a, ars, acs, b, bks, bjs, c, n, k, 0, m, GemmBlocking.F64);
        }
    }

    /** Whether the product may be split across threads; small ones run directly, allocating nothing. */
    private boolean split(int m, int k, int n) {
        return 2L * m * k * n >= parallelMinFlops && threads.getAsInt() > 1 && m > 8;
    }

    private static void check(Matrix a, Matrix b, Matrix c, boolean inner, int m, int n, String op) {
        if (c == a || c == b || sameData(a, c) || sameData(b, c)) {
            throw new IllegalArgumentException(op + ": the output must not alias an input");
        }
        if (!inner) {
            throw new MatrixDimensionException(op + ": inner dimensions differ, " + shape(a) + " and " + shape(b));
        }
        if (c.getNumRows() != m || c.getNumCols() != n) {
            throw new MatrixDimensionException(op + ": output is " + shape(c) + ", expected " + m + "x" + n);
        }
    }

    private static boolean sameData(Matrix x, Matrix c) {
        if (x instanceof FMatrixRMaj fx && c instanceof FMatrixRMaj fc) return fx.data == fc.data;
        if (x instanceof DMatrixRMaj dx && c instanceof DMatrixRMaj dc) return dx.data == dc.data;
        return false;
    }

    private static String shape(Matrix x) {
        return x.getNumRows() + "x" + x.getNumCols();
    }
}
