package org.mlopt.tensor;

/** {@link ElementKernels} as plain loops: the reference the Vector API version must match bit for bit. */
public final class ScalarElementKernels implements ElementKernels {

    @Override
    public void biasActivate(float[] z, float[] b, float[] o, int cols, int r0, int r1, boolean relu) {
        for (int r = r0; r < r1; r++) {
            for (int c = 0, k = r * cols; c < cols; c++, k++) {
                float v = b == null ? z[k] : z[k] + b[c];
                o[k] = relu ? (v > 0f ? v : 0f) : v;
            }
        }
    }

    @Override
    public void activationBackward(float[] o, float[] g, float[] d, float[] db, int rows, int cols, int c0, int c1,
                                   boolean relu, boolean overwriteDb) {
        if (db != null && overwriteDb) {
            java.util.Arrays.fill(db, c0, c1, 0f);
        }
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = c0; c < c1; c++) {
                int k = base + c;
                float v = relu ? (o[k] > 0f ? g[k] : 0f) : g[k];
                d[k] = v;
                if (db != null) {
                    db[c] += v;
                }
            }
        }
    }

    @Override
    public void adam(float[] p, float[] g, float[] m, float[] v, int k0, int k1,
                     float b1, float b2, float c1, float c2, float wd, float shrink, float step, float bc, float eps) {
        for (int k = k0; k < k1; k++) {
            float gk = g[k] + wd * p[k];
            m[k] = b1 * m[k] + c1 * gk;
            v[k] = b2 * v[k] + c2 * gk * gk;
            float denom = (float) Math.sqrt(v[k]) / bc + eps;
            p[k] = p[k] * shrink - step * (m[k] / denom);
        }
    }
}
