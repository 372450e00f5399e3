package org.mlopt.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.mlopt.tensor.EjmlMatMul;
import org.mlopt.tensor.MatMul;
import org.mlopt.tensor.VectorMatMul;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmark of the matrix products, one core: average time per product for EJML and the Vector
 * API kernel, fp32 and fp64, all three forms. GFLOP/s = 2·M·K·N / time. Run from the test classpath:
 * {@code java --add-modules=jdk.incubator.vector -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.openjdk.jmh.Main MatMulBench -p shape=64x64x64,32x64x10}. {@link MatMulHarness} prints the same
 * figures side by side with numpy/OpenBLAS.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MatMulBench {

    /** M×K×N of the product C = op(A) op(B). */
    @Param({"64x64x64", "256x256x256", "64x784x256", "128x64x128", "32x64x10", "32x64x128", "32x128x64",
            "128x784x256", "128x256x10"})
    public String shape;

    /** mult (a·b), multTransA (aᵀ·b) or multTransB (a·bᵀ). */
    @Param({"mult", "multTransA", "multTransB"})
    public String form;

    @Param({"ejml", "vector"})
    public String kernel;

    private MatMul mm;
    private FMatrixRMaj fa, fb, fc;
    private DMatrixRMaj da, db, dc;

    @Setup(Level.Trial)
    public void setUp() {
        String[] dims = shape.split("x");
        int m = Integer.parseInt(dims[0]), k = Integer.parseInt(dims[1]), n = Integer.parseInt(dims[2]);
        mm = kernel.equals("ejml") ? new EjmlMatMul() : new VectorMatMul(1);
        Random rnd = new Random(42);
        boolean ta = form.equals("multTransA"), tb = form.equals("multTransB");
        fa = new FMatrixRMaj(ta ? k : m, ta ? m : k);
        fb = new FMatrixRMaj(tb ? n : k, tb ? k : n);
        fc = new FMatrixRMaj(m, n);
        da = new DMatrixRMaj(fa.numRows, fa.numCols);
        db = new DMatrixRMaj(fb.numRows, fb.numCols);
        dc = new DMatrixRMaj(m, n);
        for (int i = 0; i < fa.data.length; i++) da.data[i] = fa.data[i] = rnd.nextFloat();
        for (int i = 0; i < fb.data.length; i++) db.data[i] = fb.data[i] = rnd.nextFloat();
    }

    @Benchmark
    public void f32(Blackhole bh) {
        switch (form) {
            case "mult" -> mm.mult(fa, fb, fc);
            case "multTransA" -> mm.multTransA(fa, fb, fc);
            default -> mm.multTransB(fa, fb, fc);
        }
        bh.consume(fc);
    }

    @Benchmark
    public void f64(Blackhole bh) {
        switch (form) {
            case "mult" -> mm.mult(da, db, dc);
            case "multTransA" -> mm.multTransA(da, db, dc);
            default -> mm.multTransB(da, db, dc);
        }
        bh.consume(dc);
    }
}
