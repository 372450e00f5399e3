package org.mlopt.tensor;

/**
 * Copies parts of an operand into a dense row-major layout the micro-kernels can load whole
 * vectors from. Operand element (k, j) lives at {@code src[k * ks + j * js]}.
 */
final class Packing {

    private Packing() {}

    /** dst[kk * n + j] = B(k0 + kk, j) for kk &lt; kc, j &lt; n: rows of a transposed operand. */
    static void rows(float[] src, int ks, int js, int k0, int kc, int n, float[] dst) {
        for (int j = 0; j < n; j++) {
            int s = k0 * ks + j * js;
            int d = j;
            for (int kk = 0; kk < kc; kk++, s += ks, d += n) {
                dst[d] = src[s];
            }
        }
    }

    static void rows(double[] src, int ks, int js, int k0, int kc, int n, double[] dst) {
        for (int j = 0; j < n; j++) {
            int s = k0 * ks + j * js;
            int d = j;
            for (int kk = 0; kk < kc; kk++, s += ks, d += n) {
                dst[d] = src[s];
            }
        }
    }

    /**
     * dst[kk * width + jj] = B(kk, j0 + jj) for jj &lt; cols, and 0 for cols &le; jj &lt; width:
     * the last columns of a dense block (row stride ld, starting at off) padded to one vector.
     */
    static void paddedColumns(float[] src, int off, int ld, int j0, int cols, int kc, int width, float[] dst) {
        for (int kk = 0; kk < kc; kk++) {
            int s = off + kk * ld + j0;
            int d = kk * width;
            for (int jj = 0; jj < cols; jj++) dst[d + jj] = src[s + jj];
            for (int jj = cols; jj < width; jj++) dst[d + jj] = 0f;
        }
    }

    static void paddedColumns(double[] src, int off, int ld, int j0, int cols, int kc, int width, double[] dst) {
        for (int kk = 0; kk < kc; kk++) {
            int s = off + kk * ld + j0;
            int d = kk * width;
            for (int jj = 0; jj < cols; jj++) dst[d + jj] = src[s + jj];
            for (int jj = cols; jj < width; jj++) dst[d + jj] = 0d;
        }
    }

    /** Copies a rows × cols block between two row-major arrays with their own row strides. */
    static void block(float[] src, int srcOff, int srcLd, float[] dst, int dstOff, int dstLd, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, srcOff + r * srcLd, dst, dstOff + r * dstLd, cols);
        }
    }

    static void block(double[] src, int srcOff, int srcLd, double[] dst, int dstOff, int dstLd, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, srcOff + r * srcLd, dst, dstOff + r * dstLd, cols);
        }
    }
}
