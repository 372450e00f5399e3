package org.mlopt.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * fp32 product for narrow outputs (a few columns, such as a 10-class last layer) with a deep K:
 * each element is a dot product of a row of A and a row of Bᵀ, vectorised along K, so no vector
 * lane is wasted on padding columns. A's rows must be contiguous; Bᵀ's rows are read in place for
 * c = a bᵀ and packed (n × k, small) for c = a b. The order of operations depends only on k, so
 * results are the same for any split of the rows.
 */
final class F32Dot {

    /**
     * The same species as {@link F32Gemm}: mixing two shapes of one element type in a process
     * pollutes the Vector API's shared type profiles, and C2 then stops intrinsifying both
     * kernels (measured: a 10x slowdown of every product on Java 17).
     */
    static final VectorSpecies<Float> SPECIES = F32Gemm.SPECIES;
    static final int VL = SPECIES.length();

    private F32Dot() {}

    /**
     * Whether a product of this shape is better done along K: A's rows contiguous, Bᵀ's rows
     * contiguous or cheap to pack, so few columns that a row of C would leave a quarter or more of
     * its vector lanes empty, and K deep enough to pay for one reduction per element.
     */
    static boolean suits(int k, int n, int acs, int bks, int bjs) {
        int gemmVl = F32Gemm.VL;
        int padded = (n + gemmVl - 1) / gemmVl * gemmVl;
        return acs == 1 && (bjs == 1 || bks == 1) && n < 2 * gemmVl && 4 * n < 3 * padded && k >= 8 * gemmVl;
    }

    /** Rows [i0, i1) of C (n columns) = A B with A(i, k) at {@code a[i * ars + k]} and B(k, j) at {@code b[k * bks + j * bjs]}. */
    static void rows(float[] a, int ars, float[] b, int bks, int bjs, float[] c, int n, int k, int i0, int i1) {
        float[] bt;
        int ldbt;
        if (bks == 1) {
            bt = b;
            ldbt = bjs;
        } else {
            bt = GemmScratch.get().f32B(n * k);
            if (bjs == 1) {
                // read B's rows in order (contiguous), write Bᵀ's n rows as n streams
                for (int kk = 0, s = 0; kk < k; kk++, s += bks) {
                    for (int j = 0, d = kk; j < n; j++, d += k) {
                        bt[d] = b[s + j];
                    }
                }
            } else {
                for (int j = 0; j < n; j++) {
                    for (int kk = 0, s = j * bjs, d = j * k; kk < k; kk++, s += bks, d++) {
                        bt[d] = b[s];
                    }
                }
            }
            ldbt = k;
        }
        int kFull = k - k % VL;
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int j = 0;
            for (; j + 2 <= n; j += 2) {
                dot4x2(a, i * ars, ars, bt, j * ldbt, ldbt, k, kFull, c, i * n + j, n);
            }
            for (; j < n; j++) {
                for (int r = 0; r < 4; r++) {
                    c[(i + r) * n + j] = dot(a, (i + r) * ars, bt, j * ldbt, k, kFull);
                }
            }
        }
        for (; i < i1; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = dot(a, i * ars, bt, j * ldbt, k, kFull);
            }
        }
    }

    /** Four rows of A against two rows of Bᵀ: eight accumulators, six loads per eight multiply-adds. */
    private static void dot4x2(float[] a, int ap, int lda, float[] bt, int bp, int ldbt, int k, int kFull,
                               float[] c, int cp, int ldc) {
        FloatVector s00 = FloatVector.zero(SPECIES), s01 = s00, s10 = s00, s11 = s00;
        FloatVector s20 = s00, s21 = s00, s30 = s00, s31 = s00;
        for (int kk = 0; kk < kFull; kk += VL) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bt, bp + kk);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bt, bp + ldbt + kk);
            FloatVector a0 = FloatVector.fromArray(SPECIES, a, ap + kk);
            s00 = a0.fma(b0, s00);
            s01 = a0.fma(b1, s01);
            FloatVector a1 = FloatVector.fromArray(SPECIES, a, ap + lda + kk);
            s10 = a1.fma(b0, s10);
            s11 = a1.fma(b1, s11);
            FloatVector a2 = FloatVector.fromArray(SPECIES, a, ap + 2 * lda + kk);
            s20 = a2.fma(b0, s20);
            s21 = a2.fma(b1, s21);
            FloatVector a3 = FloatVector.fromArray(SPECIES, a, ap + 3 * lda + kk);
            s30 = a3.fma(b0, s30);
            s31 = a3.fma(b1, s31);
        }
        c[cp] = tail(s00, a, ap, bt, bp, kFull, k);
        c[cp + 1] = tail(s01, a, ap, bt, bp + ldbt, kFull, k);
        c[cp + ldc] = tail(s10, a, ap + lda, bt, bp, kFull, k);
        c[cp + ldc + 1] = tail(s11, a, ap + lda, bt, bp + ldbt, kFull, k);
        c[cp + 2 * ldc] = tail(s20, a, ap + 2 * lda, bt, bp, kFull, k);
        c[cp + 2 * ldc + 1] = tail(s21, a, ap + 2 * lda, bt, bp + ldbt, kFull, k);
        c[cp + 3 * ldc] = tail(s30, a, ap + 3 * lda, bt, bp, kFull, k);
        c[cp + 3 * ldc + 1] = tail(s31, a, ap + 3 * lda, bt, bp + ldbt, kFull, k);
    }

    /** One element: the same operations as an element of {@link #dot4x2}. */
    private static float dot(float[] a, int ap, float[] bt, int bp, int k, int kFull) {
        FloatVector s = FloatVector.zero(SPECIES);
        for (int kk = 0; kk < kFull; kk += VL) {
            s = FloatVector.fromArray(SPECIES, a, ap + kk).fma(FloatVector.fromArray(SPECIES, bt, bp + kk), s);
        }
        return tail(s, a, ap, bt, bp, kFull, k);
    }

    /** Sum of the lanes, then the last k mod VL terms one fused multiply-add at a time. */
    private static float tail(FloatVector s, float[] a, int ap, float[] bt, int bp, int kFull, int k) {
        float sum = s.reduceLanes(VectorOperators.ADD);
        for (int kk = kFull; kk < k; kk++) {
            sum = Math.fma(a[ap + kk], bt[bp + kk], sum);
        }
        return sum;
    }
}
