package org.mlopt.tensor;

/**
 * Copies parts of an operand into a dense row-major layout the micro-kernels can load whole
 * vectors from. Operand element (k, j) lives at {@code src[off + k * ks + j * js]}.
 */
final class Packing {

    private Packing() {}

    /**
     * Packs rows [k0, k0 + kc) of B (k × n) into column panels: from column 0, panels of width
     * 2·vl while they fit in the vl-aligned columns, then one of width vl if any remain, then the
     * last n mod vl columns zero-padded to width vl. The panel starting at column j of width w holds
     * B(k0 + kk, j + jj) at {@code dst[j * kc + kk * w + jj]}.
     */
    static void panels(float[] src, int off, int ks, int js, int k0, int kc, int n, int vl, float[] dst) {
        int nFull = n - n % vl;
        for (int j0 = 0; j0 < n; ) {
            int w = j0 + 2 * vl <= nFull ? 2 * vl : vl;
            int cols = Math.min(w, n - j0);
            int base = j0 * kc;
            if (js == 1) {
                for (int kk = 0, s = off + k0 * ks + j0, d = base; kk < kc; kk++, s += ks, d += w) {
                    System.arraycopy(src, s, dst, d, cols);
                }
            } else for (int jj = 0; jj < cols; jj++) {
                int s = off + k0 * ks + (j0 + jj) * js;
                int d = base + jj;
                for (int kk = 0; kk < kc; kk++, s += ks, d += w) {
                    dst[d] = src[s];
                }
            }
            for (int kk = 0; kk < kc; kk++) {
                for (int jj = cols; jj < w; jj++) dst[base + kk * w + jj] = 0f;
            }
            j0 += w;
        }
    }

    /** fp64 version of {@link #panels(float[], int, int, int, int, int, int, int, float[])}. */
    static void panels(double[] src, int off, int ks, int js, int k0, int kc, int n, int vl, double[] dst) {
        int nFull = n - n % vl;
        for (int j0 = 0; j0 < n; ) {
            int w = j0 + 2 * vl <= nFull ? 2 * vl : vl;
            int cols = Math.min(w, n - j0);
            int base = j0 * kc;
            if (js == 1) {
                for (int kk = 0, s = off + k0 * ks + j0, d = base; kk < kc; kk++, s += ks, d += w) {
                    System.arraycopy(src, s, dst, d, cols);
                }
            } else for (int jj = 0; jj < cols; jj++) {
                int s = off + k0 * ks + (j0 + jj) * js;
                int d = base + jj;
                for (int kk = 0; kk < kc; kk++, s += ks, d += w) {
                    dst[d] = src[s];
                }
            }
            for (int kk = 0; kk < kc; kk++) {
                for (int jj = cols; jj < w; jj++) dst[base + kk * w + jj] = 0d;
            }
            j0 += w;
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
