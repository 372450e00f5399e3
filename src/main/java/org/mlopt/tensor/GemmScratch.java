package org.mlopt.tensor;

/**
 * Per-thread packing buffers, grown on demand and then reused, so that products in a training
 * loop allocate nothing once they have run at their largest size.
 */
final class GemmScratch {

    private static final ThreadLocal<GemmScratch> LOCAL = ThreadLocal.withInitial(GemmScratch::new);

    private float[] f32T = new float[0];
    private float[] f32B = new float[0];
    private float[] f32Tail = new float[0];
    private float[] f32C = new float[0];
    private double[] f64T = new double[0];
    private double[] f64B = new double[0];
    private double[] f64Tail = new double[0];
    private double[] f64C = new double[0];

    private GemmScratch() {}

    static GemmScratch get() {
        return LOCAL.get();
    }

    /** Buffer for a transposed block of the output. */
    float[] f32T(int size) {
        if (f32T.length < size) f32T = new float[size];
        return f32T;
    }

    double[] f64T(int size) {
        if (f64T.length < size) f64T = new double[size];
        return f64T;
    }

    /** Buffer for a block of B packed in column panels. */
    float[] f32B(int size) {
        if (f32B.length < size) f32B = new float[size];
        return f32B;
    }

    /** Buffer for the zero-padded last columns of B. */
    float[] f32Tail(int size) {
        if (f32Tail.length < size) f32Tail = new float[size];
        return f32Tail;
    }

    /** Buffer for the last, partial columns of a tile of C. */
    float[] f32C(int size) {
        if (f32C.length < size) f32C = new float[size];
        return f32C;
    }

    double[] f64B(int size) {
        if (f64B.length < size) f64B = new double[size];
        return f64B;
    }

    double[] f64Tail(int size) {
        if (f64Tail.length < size) f64Tail = new double[size];
        return f64Tail;
    }

    double[] f64C(int size) {
        if (f64C.length < size) f64C = new double[size];
        return f64C;
    }
}
