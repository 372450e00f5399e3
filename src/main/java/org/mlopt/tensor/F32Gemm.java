package org.mlopt.tensor;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * fp32 product C = A B on a range of rows of C, with register-blocked Vector API micro-kernels.
 *
 * <p>Operands are strided views so one driver serves all three forms: A(i, k) is
 * {@code a[i * ars + k * acs]}, B(k, j) is {@code b[k * bks + j * bjs]}, C is dense row-major with
 * {@code n} columns. A is read one scalar at a time (broadcast), so it never needs packing; B is
 * read as whole vectors along j, so it is used in place when its rows are contiguous and packed
 * into column panels, K block by K block, otherwise. Columns that do not fill a vector are padded to one.
 *
 * <p>Every element of C is computed by the same sequence of operations whatever the row range or
 * the kernel that computes it: per K block, starting from 0 (first block) or from the stored
 * value, one fused multiply-add per k in increasing order. The one other order, that of
 * {@link F32Dot}, is chosen from the shape of the whole product, never from the row range.
 * Splitting rows across threads therefore gives bit-identical results.
 */
final class F32Gemm {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int VL = SPECIES.length();

    private F32Gemm() {}

    /**
     * Computes rows [i0, i1) of C (m × n) = A (m × k) B (k × n): along K for narrow outputs
     * ({@link F32Dot}), otherwise directly or, when copying is cheaper that way, as the transpose of
     * Bᵀ Aᵀ (see {@link #viaTranspose}).
     */
    static void rows(float[] a, int ars, int acs, float[] b, int bks, int bjs,
                     float[] c, int n, int k, int i0, int i1, GemmBlocking blocking) {
        if (F32Dot.suits(k, n, acs, bks, bjs)) {
            F32Dot.rows(a, ars, b, bks, bjs, c, n, k, i0, i1);
        } else if (viaTranspose(i1 - i0, k, n, acs, bjs)) {
            rowsViaTranspose(a, ars, acs, b, bks, bjs, c, n, k, i0, i1, blocking);
        } else {
            direct(a, 0, ars, acs, b, 0, bks, bjs, c, n, k, i0, i1, false, blocking);
        }
    }

    /**
     * Rows [i0, i1) of a symmetric C = A B (such as Xᵀ X) as far as the diagonal: every element
     * on or above it, and those below it that share a tile with the diagonal. Complete C with
     * {@link #mirrorUpper} once every row range is done. Fused multiply-add being symmetric in its
     * factors, the mirrored values are the ones a full product would compute.
     */
    static void upperRows(float[] a, int ars, int acs, float[] b, int bks, int bjs,
                          float[] c, int n, int k, int i0, int i1, GemmBlocking blocking) {
        direct(a, 0, ars, acs, b, 0, bks, bjs, c, n, k, i0, i1, true, blocking);
    }

    /** Copies the upper triangle of the square n × n matrix c onto its lower triangle. */
    static void mirrorUpper(float[] c, int n) {
        for (int i = 1; i < n; i++) {
            for (int j = 0, s = i; j < i; j++, s += n) {
                c[i * n + j] = c[s];
            }
        }
    }

    /**
     * Whether {@code rows} x n of C are better computed as C' = Bᵀ Aᵀ (n × rows) and transposed:
     * for c = a bᵀ when packing Aᵀ and transposing C' copies less than packing Bᵀ, and for a narrow
     * c = aᵀ b, whose few columns would leave vector lanes idle while Aᵀ can be read in place.
     * Either way each element gets the same fused multiply-adds in the same order (fma is
     * symmetric in its factors), so the choice never changes a bit.
     */
    static boolean viaTranspose(int rows, int k, int n, int acs, int bjs) {
        if (rows < 2 * VL) return false;
        if (bjs != 1) return (long) rows * k + (long) rows * n < (long) n * k;
        int padded = (n + VL - 1) / VL * VL;
        return acs != 1 && n < 2 * VL && 4 * n < 3 * padded;
    }

    private static void rowsViaTranspose(float[] a, int ars, int acs, float[] b, int bks, int bjs,
                                         float[] c, int n, int k, int i0, int i1, GemmBlocking blocking) {
        int rows = i1 - i0;
        float[] t = GemmScratch.get().f32T(n * rows);
        // C'(j, i) = sum_k B(k, j) A(i0 + i, k): A' = Bᵀ is read by scalars, B' = Aᵀ by vectors.
        direct(b, 0, bjs, bks, a, i0 * ars, acs, ars, t, rows, k, 0, n, false, blocking);
        for (int i = 0; i < rows; i++) {
            int d = (i0 + i) * n;
            for (int j = 0, s = i; j < n; j++, s += rows) {
                c[d + j] = t[s];
            }
        }
    }

    /**
     * Rows [i0, i1) of C (dense, n columns) = A B with A(i, k) at {@code a[aOff + i * ars + k * acs]}
     * and B(k, j) at {@code b[bOff + k * bks + j * bjs]}; with {@code upper}, tiles wholly below the
     * diagonal are skipped.
     */
    private static void direct(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int bks, int bjs,
                               float[] c, int n, int k, int i0, int i1, boolean upper, GemmBlocking blocking) {
        if (i0 >= i1 || n == 0) return;
        if (k == 0) {
            Arrays.fill(c, i0 * n, i1 * n, 0f);
            return;
        }
        GemmScratch scratch = GemmScratch.get();
        int rem = n % VL;
        int nFull = n - rem;
        // Pack B when its rows are not contiguous, or when they are long enough that reading a panel
        // in place would touch a new page every row or two and enough rows of C reuse it.
        boolean packB = bjs != 1 || (n >= blocking.packMinN() && i1 - i0 >= 64);
        for (int k0 = 0; k0 < k; k0 += blocking.kc()) {
            int kc = Math.min(blocking.kc(), k - k0);
            boolean first = k0 == 0;
            float[] bb;
            float[] tail = null;
            int tailOff = 0;
            if (packB) {
                bb = scratch.f32B(kc * (nFull + (rem > 0 ? VL : 0)));
                Packing.panels(b, bOff, bks, bjs, k0, kc, n, VL, bb);
                tail = bb;
                tailOff = nFull * kc;
            } else {
                bb = b;
                if (rem > 0) {
                    tail = scratch.f32Tail(kc * VL);
                    Packing.paddedColumns(b, bOff + k0 * bks, bks, nFull, rem, kc, VL, tail);
                }
            }
            for (int m0 = i0; m0 < i1; m0 += blocking.mc()) {
                int m1 = Math.min(i1, m0 + blocking.mc());
                block(a, ars, acs, aOff + k0 * acs, bb, packB, bOff + k0 * bks, bks, tail, tailOff,
                        c, n, nFull, rem, kc, m0, m1, first, upper, scratch);
            }
        }
    }

    /**
     * Rows [m0, m1) of C for one K block. B is either used in place (B(k0 + kk, j) at
     * {@code bb[bK + kk * ldb + j]}) or packed in column panels (panel at column j of width w holds
     * B(k0 + kk, j + jj) at {@code bb[j * kc + kk * w + jj]}); the padded last columns are at
     * {@code tail[tailOff + kk * VL + jj]}.
     */
    private static void block(float[] a, int ars, int acs, int aK, float[] bb, boolean packed, int bK, int ldb,
                              float[] tail, int tailOff, float[] c, int n, int nFull, int rem, int kc,
                              int m0, int m1, boolean first, boolean upper, GemmScratch scratch) {
        int j = 0;
        for (; j + 2 * VL <= nFull; j += 2 * VL) {
            int bp = packed ? j * kc : bK + j;
            int ld = packed ? 2 * VL : ldb;
            // 6-row blocks, then 4-row blocks; 6q + 2 rows go as 6(q - 1) + 4 + 4, since a single
            // row keeps too few accumulators in flight.
            int six = (m1 - m0) / 6;
            if ((m1 - m0) % 6 == 2 && six > 0) six--;
            int i = m0;
            int below = upper ? Math.min(m1, j + 2 * VL) : m1; // rows from here on are below the diagonal
            for (int t = 0; t < six && i < below; t++, i += 6) {
                k6x2(a, i * ars + aK, ars, acs, bb, bp, ld, kc, c, i * n + j, n, first);
            }
            for (; i + 4 <= m1 && i < below; i += 4) {
                k4x2(a, i * ars + aK, ars, acs, bb, bp, ld, kc, c, i * n + j, n, first);
            }
            for (; i < below; i++) {
                k1x2(a, i * ars + aK, acs, bb, bp, ld, kc, c, i * n + j, first);
            }
        }
        if (j < nFull) {
            int bp = packed ? j * kc : bK + j;
            int ld = packed ? VL : ldb;
            int i = m0;
            int below = upper ? Math.min(m1, j + VL) : m1;
            for (; i + 8 <= m1 && i < below; i += 8) {
                k8x1(a, i * ars + aK, ars, acs, bb, bp, ld, kc, c, i * n + j, n, first);
            }
            for (; i < below; i++) {
                k1x1(a, i * ars + aK, acs, bb, bp, ld, kc, c, i * n + j, first);
            }
        }
        if (rem > 0) {
            float[] ct = scratch.f32C(8 * VL);
            int i = m0;
            for (; i + 8 <= m1; i += 8) {
                if (!first) Packing.block(c, i * n + nFull, n, ct, 0, VL, 8, rem);
                k8x1(a, i * ars + aK, ars, acs, tail, tailOff, VL, kc, ct, 0, VL, first);
                Packing.block(ct, 0, VL, c, i * n + nFull, n, 8, rem);
            }
            for (; i < m1; i++) {
                if (!first) System.arraycopy(c, i * n + nFull, ct, 0, rem);
                k1x1(a, i * ars + aK, acs, tail, tailOff, VL, kc, ct, 0, first);
                System.arraycopy(ct, 0, c, i * n + nFull, rem);
            }
        }
    }

    /** 6 rows × 2 vectors of C: 12 accumulators, 8 loads per 12 fused multiply-adds. */
    private static void k6x2(float[] a, int ap, int ars, int acs, float[] b, int bp, int ldb, int kc,
                             float[] c, int cp, int ldc, boolean first) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (first) {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = FloatVector.zero(SPECIES);
        } else {
            c00 = FloatVector.fromArray(SPECIES, c, cp);
            c01 = FloatVector.fromArray(SPECIES, c, cp + VL);
            c10 = FloatVector.fromArray(SPECIES, c, cp + ldc);
            c11 = FloatVector.fromArray(SPECIES, c, cp + ldc + VL);
            c20 = FloatVector.fromArray(SPECIES, c, cp + 2 * ldc);
            c21 = FloatVector.fromArray(SPECIES, c, cp + 2 * ldc + VL);
            c30 = FloatVector.fromArray(SPECIES, c, cp + 3 * ldc);
            c31 = FloatVector.fromArray(SPECIES, c, cp + 3 * ldc + VL);
            c40 = FloatVector.fromArray(SPECIES, c, cp + 4 * ldc);
            c41 = FloatVector.fromArray(SPECIES, c, cp + 4 * ldc + VL);
            c50 = FloatVector.fromArray(SPECIES, c, cp + 5 * ldc);
            c51 = FloatVector.fromArray(SPECIES, c, cp + 5 * ldc + VL);
        }
        int ar1 = ars, ar2 = 2 * ars, ar3 = 3 * ars, ar4 = 4 * ars, ar5 = 5 * ars;
        for (int kk = 0; kk < kc; kk++, ap += acs, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + VL);
            FloatVector a0 = FloatVector.broadcast(SPECIES, a[ap]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(SPECIES, a[ap + ar1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(SPECIES, a[ap + ar2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(SPECIES, a[ap + ar3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(SPECIES, a[ap + ar4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(SPECIES, a[ap + ar5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        c00.intoArray(c, cp);
        c01.intoArray(c, cp + VL);
        c10.intoArray(c, cp + ldc);
        c11.intoArray(c, cp + ldc + VL);
        c20.intoArray(c, cp + 2 * ldc);
        c21.intoArray(c, cp + 2 * ldc + VL);
        c30.intoArray(c, cp + 3 * ldc);
        c31.intoArray(c, cp + 3 * ldc + VL);
        c40.intoArray(c, cp + 4 * ldc);
        c41.intoArray(c, cp + 4 * ldc + VL);
        c50.intoArray(c, cp + 5 * ldc);
        c51.intoArray(c, cp + 5 * ldc + VL);
    }

    /** 4 rows × 2 vectors of C. */
    private static void k4x2(float[] a, int ap, int ars, int acs, float[] b, int bp, int ldb, int kc,
                             float[] c, int cp, int ldc, boolean first) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31;
        if (first) {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = FloatVector.zero(SPECIES);
        } else {
            c00 = FloatVector.fromArray(SPECIES, c, cp);
            c01 = FloatVector.fromArray(SPECIES, c, cp + VL);
            c10 = FloatVector.fromArray(SPECIES, c, cp + ldc);
            c11 = FloatVector.fromArray(SPECIES, c, cp + ldc + VL);
            c20 = FloatVector.fromArray(SPECIES, c, cp + 2 * ldc);
            c21 = FloatVector.fromArray(SPECIES, c, cp + 2 * ldc + VL);
            c30 = FloatVector.fromArray(SPECIES, c, cp + 3 * ldc);
            c31 = FloatVector.fromArray(SPECIES, c, cp + 3 * ldc + VL);
        }
        int ar1 = ars, ar2 = 2 * ars, ar3 = 3 * ars;
        for (int kk = 0; kk < kc; kk++, ap += acs, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + VL);
            FloatVector a0 = FloatVector.broadcast(SPECIES, a[ap]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(SPECIES, a[ap + ar1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(SPECIES, a[ap + ar2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(SPECIES, a[ap + ar3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(c, cp);
        c01.intoArray(c, cp + VL);
        c10.intoArray(c, cp + ldc);
        c11.intoArray(c, cp + ldc + VL);
        c20.intoArray(c, cp + 2 * ldc);
        c21.intoArray(c, cp + 2 * ldc + VL);
        c30.intoArray(c, cp + 3 * ldc);
        c31.intoArray(c, cp + 3 * ldc + VL);
    }

    /** 1 row × 2 vectors of C: the rows left over by {@link #k4x2}. */
    private static void k1x2(float[] a, int ap, int acs, float[] b, int bp, int ldb, int kc,
                             float[] c, int cp, boolean first) {
        FloatVector c0, c1;
        if (first) {
            c0 = c1 = FloatVector.zero(SPECIES);
        } else {
            c0 = FloatVector.fromArray(SPECIES, c, cp);
            c1 = FloatVector.fromArray(SPECIES, c, cp + VL);
        }
        for (int kk = 0; kk < kc; kk++, ap += acs, bp += ldb) {
            FloatVector a0 = FloatVector.broadcast(SPECIES, a[ap]);
            c0 = a0.fma(FloatVector.fromArray(SPECIES, b, bp), c0);
            c1 = a0.fma(FloatVector.fromArray(SPECIES, b, bp + VL), c1);
        }
        c0.intoArray(c, cp);
        c1.intoArray(c, cp + VL);
    }

    /** 8 rows × 1 vector of C: narrow outputs keep 8 independent accumulators in flight. */
    private static void k8x1(float[] a, int ap, int ars, int acs, float[] b, int bp, int ldb, int kc,
                             float[] c, int cp, int ldc, boolean first) {
        FloatVector c0, c1, c2, c3, c4, c5, c6, c7;
        if (first) {
            c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = FloatVector.zero(SPECIES);
        } else {
            c0 = FloatVector.fromArray(SPECIES, c, cp);
            c1 = FloatVector.fromArray(SPECIES, c, cp + ldc);
            c2 = FloatVector.fromArray(SPECIES, c, cp + 2 * ldc);
            c3 = FloatVector.fromArray(SPECIES, c, cp + 3 * ldc);
            c4 = FloatVector.fromArray(SPECIES, c, cp + 4 * ldc);
            c5 = FloatVector.fromArray(SPECIES, c, cp + 5 * ldc);
            c6 = FloatVector.fromArray(SPECIES, c, cp + 6 * ldc);
            c7 = FloatVector.fromArray(SPECIES, c, cp + 7 * ldc);
        }
        for (int kk = 0; kk < kc; kk++, ap += acs, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
            c0 = FloatVector.broadcast(SPECIES, a[ap]).fma(b0, c0);
            c1 = FloatVector.broadcast(SPECIES, a[ap + ars]).fma(b0, c1);
            c2 = FloatVector.broadcast(SPECIES, a[ap + 2 * ars]).fma(b0, c2);
            c3 = FloatVector.broadcast(SPECIES, a[ap + 3 * ars]).fma(b0, c3);
            c4 = FloatVector.broadcast(SPECIES, a[ap + 4 * ars]).fma(b0, c4);
            c5 = FloatVector.broadcast(SPECIES, a[ap + 5 * ars]).fma(b0, c5);
            c6 = FloatVector.broadcast(SPECIES, a[ap + 6 * ars]).fma(b0, c6);
            c7 = FloatVector.broadcast(SPECIES, a[ap + 7 * ars]).fma(b0, c7);
        }
        c0.intoArray(c, cp);
        c1.intoArray(c, cp + ldc);
        c2.intoArray(c, cp + 2 * ldc);
        c3.intoArray(c, cp + 3 * ldc);
        c4.intoArray(c, cp + 4 * ldc);
        c5.intoArray(c, cp + 5 * ldc);
        c6.intoArray(c, cp + 6 * ldc);
        c7.intoArray(c, cp + 7 * ldc);
    }

    /** 1 row × 1 vector of C: the rows left over by {@link #k8x1}. */
    private static void k1x1(float[] a, int ap, int acs, float[] b, int bp, int ldb, int kc,
                             float[] c, int cp, boolean first) {
        FloatVector c0 = first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, c, cp);
        for (int kk = 0; kk < kc; kk++, ap += acs, bp += ldb) {
            c0 = FloatVector.broadcast(SPECIES, a[ap]).fma(FloatVector.fromArray(SPECIES, b, bp), c0);
        }
        c0.intoArray(c, cp);
    }
}
