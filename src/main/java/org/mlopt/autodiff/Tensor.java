package org.mlopt.autodiff;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.mlopt.tensor.MatMuls;

/**
 * A row-major matrix in either precision: exactly one of {@link #f()} and {@link #d()} is set.
 *
 * <p>Why two concrete EJML matrices behind one small wrapper rather than a generic element type:
 * Java generics cannot specialise on primitives, and a per-element virtual accessor costs several
 * times a plain array loop in the hot kernels. So every kernel is written twice, as a float loop and
 * a double loop side by side in the same method, selected once per call by {@link #isFloat()}. The
 * float64 path is what the gradient checks verify; the float32 path is the same code with the
 * element type changed, and tests compare the two.
 */
public final class Tensor {

    private final FMatrixRMaj f;
    private final DMatrixRMaj d;

    private Tensor(FMatrixRMaj f, DMatrixRMaj d) {
        this.f = f;
        this.d = d;
    }

    public static Tensor zeros(Precision precision, int rows, int cols) {
        return precision == Precision.FLOAT32
                ? new Tensor(new FMatrixRMaj(rows, cols), null)
                : new Tensor(null, new DMatrixRMaj(rows, cols));
    }

    /** Wraps (does not copy) a float matrix. */
    public static Tensor wrap(FMatrixRMaj m) {
        return new Tensor(m, null);
    }

    /** Wraps (does not copy) a double matrix. */
    public static Tensor wrap(DMatrixRMaj m) {
        return new Tensor(null, m);
    }

    public boolean isFloat() {
        return f != null;
    }

    public Precision precision() {
        return f != null ? Precision.FLOAT32 : Precision.FLOAT64;
    }

    public FMatrixRMaj f() {
        return f;
    }

    public DMatrixRMaj d() {
        return d;
    }

    public float[] fa() {
        return f.data;
    }

    public double[] da() {
        return d.data;
    }

    public int rows() {
        return f != null ? f.numRows : d.numRows;
    }

    public int cols() {
        return f != null ? f.numCols : d.numCols;
    }

    public int size() {
        return rows() * cols();
    }

    /** Changes the number of rows; never allocates when the buffer was planned large enough. */
    public void reshapeRows(int rows) {
        if (f != null) {
            f.reshape(rows, f.numCols);
        } else {
            d.reshape(rows, d.numCols);
        }
    }

    public double get(int i) {
        return f != null ? f.data[i] : d.data[i];
    }

    public double get(int row, int col) {
        return get(row * cols() + col);
    }

    public void set(int i, double v) {
        if (f != null) {
            f.data[i] = (float) v;
        } else {
            d.data[i] = v;
        }
    }

    public void fill(double v) {
        int n = size();
        if (f != null) {
            java.util.Arrays.fill(f.data, 0, n, (float) v);
        } else {
            java.util.Arrays.fill(d.data, 0, n, v);
        }
    }

    /** Copies the values of a same-shaped tensor of the same precision. */
    public void copyFrom(Tensor src) {
        int n = size();
        if (f != null) {
            System.arraycopy(src.f.data, 0, f.data, 0, n);
        } else {
            System.arraycopy(src.d.data, 0, d.data, 0, n);
        }
    }

    /** A new tensor of the same shape and precision holding a copy of the values. */
    public Tensor copy() {
        Tensor t = zeros(precision(), rows(), cols());
        t.copyFrom(this);
        return t;
    }

    /** this += other (same shape). */
    public void addEquals(Tensor other) {
        int n = size();
        if (f != null) {
            float[] a = f.data;
            float[] b = other.f.data;
            for (int i = 0; i < n; i++) {
                a[i] += b[i];
            }
        } else {
            double[] a = d.data;
            double[] b = other.d.data;
            for (int i = 0; i < n; i++) {
                a[i] += b[i];
            }
        }
    }

    /** True when every element is finite. */
    public boolean allFinite() {
        int n = size();
        if (f != null) {
            float[] a = f.data;
            float s = 0;
            for (int i = 0; i < n; i++) {
                s += a[i] * 0f;
            }
            return s == 0f;
        }
        double[] a = d.data;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * 0.0;
        }
        return s == 0.0;
    }

    /** c = a b through the shared matrix-product kernel. */
    public static void mult(Tensor a, Tensor b, Tensor c) {
        if (a.f != null) {
            MatMuls.get().mult(a.f, b.f, c.f);
        } else {
            MatMuls.get().mult(a.d, b.d, c.d);
        }
    }

    /** c = aᵀ b through the shared matrix-product kernel. */
    public static void multTransA(Tensor a, Tensor b, Tensor c) {
        if (a.f != null) {
            MatMuls.get().multTransA(a.f, b.f, c.f);
        } else {
            MatMuls.get().multTransA(a.d, b.d, c.d);
        }
    }

    /** c = a bᵀ through the shared matrix-product kernel. */
    public static void multTransB(Tensor a, Tensor b, Tensor c) {
        if (a.f != null) {
            MatMuls.get().multTransB(a.f, b.f, c.f);
        } else {
            MatMuls.get().multTransB(a.d, b.d, c.d);
        }
    }

    @Override
    public String toString() {
        return (f != null ? "float32 " : "float64 ") + rows() + "x" + cols();
    }
}
