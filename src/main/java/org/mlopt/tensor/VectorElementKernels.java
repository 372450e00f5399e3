package org.mlopt.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ElementKernels} on the Vector API, in the species of the product kernels (one shape per
 * element type in a process, see {@link F32Dot#SPECIES}). Every lane performs the operations of
 * {@link ScalarElementKernels} on its element, so both give the same bits; the last elements of a
 * range that do not fill a vector run the scalar loop. Only load this class when the module is
 * present ({@link ElementKernels#get()} does it reflectively).
 */
public final class VectorElementKernels implements ElementKernels {

    private static final VectorSpecies<Float> SPECIES = F32Gemm.SPECIES;
    private static final int VL = SPECIES.length();
    private static final ScalarElementKernels SCALAR = new ScalarElementKernels();

    /**
     * Ranges below this many elements run the scalar loop: Vector API code allocates a box per
     * vector until C2 has compiled it, and the small tensors of small networks would otherwise
     * keep allocating for thousands of steps when compiler threads are short of CPU.
     */
    static final int MIN_VECTOR_ELEMENTS = 2048;

    @Override
    public void biasActivate(float[] z, float[] b, float[] o, int cols, int r0, int r1, boolean relu) {
        if (cols < VL || (long) (r1 - r0) * cols < MIN_VECTOR_ELEMENTS) {
            SCALAR.biasActivate(z, b, o, cols, r0, r1, relu);
            return;
        }
        int full = cols - cols % VL;
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int r = r0; r < r1; r++) {
            int base = r * cols;
            int c = 0;
            for (; c < full; c += VL) {
                FloatVector v = FloatVector.fromArray(SPECIES, z, base + c);
                if (b != null) v = v.add(FloatVector.fromArray(SPECIES, b, c));
                if (relu) v = zero.blend(v, v.compare(VectorOperators.GT, 0f));
                v.intoArray(o, base + c);
            }
            for (; c < cols; c++) {
                float v = b == null ? z[base + c] : z[base + c] + b[c];
                o[base + c] = relu ? (v > 0f ? v : 0f) : v;
            }
        }
    }

    @Override
    public void activationBackward(float[] o, float[] g, float[] d, float[] db, int rows, int cols, int c0, int c1,
                                   boolean relu, boolean overwriteDb) {
        if ((long) rows * (c1 - c0) < MIN_VECTOR_ELEMENTS) {
            SCALAR.activationBackward(o, g, d, db, rows, cols, c0, c1, relu, overwriteDb);
            return;
        }
        int full = c0 + (c1 - c0) / VL * VL;
        if (full < c1) {
            SCALAR.activationBackward(o, g, d, db, rows, cols, full, c1, relu, overwriteDb);
        }
        if (full == c0) {
            return;
        }
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int c = c0; c < full; c += VL) {
            FloatVector sum = db == null || overwriteDb ? zero : FloatVector.fromArray(SPECIES, db, c);
            for (int r = 0, k = c; r < rows; r++, k += cols) {
                FloatVector v = FloatVector.fromArray(SPECIES, g, k);
                if (relu) {
                    VectorMask<Float> on = FloatVector.fromArray(SPECIES, o, k).compare(VectorOperators.GT, 0f);
                    v = zero.blend(v, on);
                }
                v.intoArray(d, k);
                sum = sum.add(v);
            }
            if (db != null) sum.intoArray(db, c);
        }
    }

    @Override
    public void adam(float[] p, float[] g, float[] m, float[] v, int k0, int k1,
                     float b1, float b2, float c1, float c2, float wd, float shrink, float step, float bc, float eps) {
        if (k1 - k0 < MIN_VECTOR_ELEMENTS) {
            SCALAR.adam(p, g, m, v, k0, k1, b1, b2, c1, c2, wd, shrink, step, bc, eps);
            return;
        }
        int full = k0 + (k1 - k0) / VL * VL;
        for (int k = k0; k < full; k += VL) {
            FloatVector pk = FloatVector.fromArray(SPECIES, p, k);
            FloatVector gk = FloatVector.fromArray(SPECIES, g, k).add(pk.mul(wd));
            FloatVector mk = FloatVector.fromArray(SPECIES, m, k).mul(b1).add(gk.mul(c1));
            FloatVector vk = FloatVector.fromArray(SPECIES, v, k).mul(b2).add(gk.mul(c2).mul(gk));
            mk.intoArray(m, k);
            vk.intoArray(v, k);
            FloatVector denom = vk.sqrt().div(bc).add(eps);
            pk.mul(shrink).sub(mk.div(denom).mul(step)).intoArray(p, k);
        }
        if (full < k1) {
            SCALAR.adam(p, g, m, v, full, k1, b1, b2, c1, c2, wd, shrink, step, bc, eps);
        }
    }
}
