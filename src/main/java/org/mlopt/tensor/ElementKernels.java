package org.mlopt.tensor;

/**
 * The float32 element-wise kernels of a dense layer and of Adam, behind one interface so that a
 * Vector API implementation can replace the scalar loops when the module {@code jdk.incubator.vector}
 * is present ({@link #get()} chooses, as {@link MatMuls} does for products). Both implementations
 * perform the same operations on every element (no fused multiply-add, correctly rounded square
 * roots), so they give the same bits; each call covers a range so that callers can split the work
 * across threads ({@link Parallel}) without changing a result.
 */
public interface ElementKernels {

    /** Rows [r0, r1) of o = z + b (b broadcast over rows; null for no bias), ReLU'd when {@code relu}: max(v, 0), NaN to 0. */
    void biasActivate(float[] z, float[] b, float[] o, int cols, int r0, int r1, boolean relu);

    /**
     * Columns [c0, c1) of a dense layer's backward: d = g where o &gt; 0 else 0 when {@code relu}
     * (d = g otherwise), over rows [0, rows); and, when {@code db} is not null, db[c] = Σ_r d[r, c]
     * summed in row order, starting from 0 when {@code overwriteDb} or from db[c] otherwise.
     */
    void activationBackward(float[] o, float[] g, float[] d, float[] db, int rows, int cols, int c0, int c1,
                            boolean relu, boolean overwriteDb);

    /**
     * Elements [k0, k1) of one Adam step in float32, with the operations of torch.optim.Adam:
     * g' = g + wd·p, m = b1·m + c1·g', v = b2·v + (c2·g')·g', p = p·shrink − step·(m / (√v / bc + eps)).
     */
    void adam(float[] p, float[] g, float[] m, float[] v, int k0, int k1,
              float b1, float b2, float c1, float c2, float wd, float shrink, float step, float bc, float eps);

    /** The kernels for this process: Vector API when the module is present, scalar loops otherwise or with {@code -Dmlopt.kernel=ejml}. */
    static ElementKernels get() {
        return ElementKernelChoice.CHOSEN;
    }
}
