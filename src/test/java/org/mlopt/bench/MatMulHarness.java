package org.mlopt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.mlopt.tensor.EjmlMatMul;
import org.mlopt.tensor.MatMul;
import org.mlopt.tensor.MatMuls;
import org.mlopt.tensor.VectorMatMul;

/**
 * Prints GFLOP/s per product shape for EJML and the Vector API kernel (fp32 and fp64), and, in the
 * same run, numpy/OpenBLAS on one thread for the same shapes, with the ratio vector/OpenBLAS.
 *
 * <p>Run with {@code java --add-modules=jdk.incubator.vector -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.mlopt.bench.MatMulHarness [--reps N] [--threads N] [--no-numpy] [--only f32|f64] [--shape MxKxN,...]
 * [--cpu-time]}. After a warm-up of every kernel, each case runs N repetitions (default 5) of a ~60 ms loop
 * per kernel, interleaved (EJML, vector, numpy, EJML, ...) so that load from other processes hits them alike;
 * the table gives the best repetition of each and the median of the per-repetition ratios. Wall-clock time
 * by default; {@code --cpu-time} times by the thread's CPU time instead, which a shared machine disturbs less.
 */
public final class MatMulHarness {

    /** A product to time: C (m × n) = op(A) op(B) with inner dimension k. */
    record Case(String label, String dtype, String form, int m, int k, int n) {
        double flops() {
            return 2.0 * m * k * n;
        }
    }

    /** Network layer shapes batch × in × out (M × K × N). */
    private static final int[][] NETWORK = {
        {64, 64, 64}, {256, 256, 256}, {64, 784, 256}, {128, 64, 128}, {32, 64, 10},
        {32, 64, 128}, {32, 128, 64}, {128, 784, 256}, {128, 256, 10}};

    private static final double TIMED_SECONDS = 0.06;

    /** Time by this thread's CPU time (and Python's thread_time) instead of wall-clock time. */
    private static boolean cpuTime;

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long now() {
        return cpuTime ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private MatMulHarness() {}

    /** Per case of the last {@link #main} run: "dtype product M×K×N" to the median paired vector/OpenBLAS ratio. */
    static final java.util.Map<String, Double> PAIRED_RATIOS = new java.util.LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        int reps = 5;
        int threads = 1;
        boolean useNumpy = true;
        String only = null;
        String shape = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--no-numpy" -> useNumpy = false;
                case "--only" -> only = args[++i];
                case "--shape" -> shape = args[++i];
                case "--cpu-time" -> cpuTime = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (cpuTime && threads > 1) {
            throw new IllegalArgumentException("--cpu-time counts only the calling thread: use wall-clock time with --threads");
        }
        List<Case> cases = cases(only);
        if (shape != null) {
            List<String> wanted = List.of(shape.split(","));
            cases = cases.stream().filter(c -> wanted.contains(c.m() + "x" + c.k() + "x" + c.n())).toList();
        }
        MatMul ejml = new EjmlMatMul();
        MatMul vector = new VectorMatMul(threads);
        System.out.println("# " + MatMuls.describe() + "; vector threads in this run: " + threads);
        System.out.println("# java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cpus, " + reps + " interleaved repetitions of ~" + (int) (TIMED_SECONDS * 1000) + " ms per kernel, "
                + (cpuTime ? "thread CPU time" : "wall-clock time") + ", best of the repetitions");
        List<Runnable[]> ops = new ArrayList<>();
        for (Case c : cases) ops.add(operations(c, ejml, vector));
        for (int round = 0; round < 2; round++) {
            for (Runnable[] op : ops) {
                runFor(op[1], 0.1);
                if (round == 0) runFor(op[0], 0.05);
            }
        }
        try (Numpy numpy = useNumpy ? Numpy.start() : null) {
            System.out.println();
            System.out.println("| dtype | product | M×K×N | EJML | vector | OpenBLAS (numpy, 1 thread) | vector/EJML | vector/OpenBLAS (best) | vector/OpenBLAS (median of paired reps) |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                Runnable[] op = ops.get(i);
                int ie = calibrate(op[0]);
                int iv = calibrate(op[1]);
                if (numpy != null) numpy.setup(c);
                double[] ge = new double[reps];
                double[] gv = new double[reps];
                double[] gn = new double[reps];
                double[] paired = new double[reps];
                for (int r = 0; r < reps; r++) {
                    ge[r] = gflops(op[0], ie, c.flops());
                    gv[r] = gflops(op[1], iv, c.flops());
                    gn[r] = numpy == null ? Double.NaN : numpy.rep();
                    paired[r] = gv[r] / gn[r];
                }
                double be = max(ge), bv = max(gv), bn = max(gn);
                PAIRED_RATIOS.put(c.dtype() + " " + c.label() + " " + c.m() + "×" + c.k() + "×" + c.n(), median(paired));
                System.out.printf(Locale.ROOT, "| %s | %s | %d×%d×%d | %.1f | %.1f | %.1f | %.1fx | %.2f | %.2f |%n",
                        c.dtype(), c.label(), c.m(), c.k(), c.n(), be, bv, bn, bv / be, bv / bn, median(paired));
            }
        }
    }

    static List<Case> cases(String only) {
        List<Case> cases = new ArrayList<>();
        for (String dtype : new String[] {"f32", "f64"}) {
            if (only != null && !only.equals(dtype)) continue;
            for (int[] s : NETWORK) {
                int m = s[0], k = s[1], n = s[2];
                cases.add(new Case("Y=X·W", dtype, "AB", m, k, n));
                cases.add(new Case("dW=Xᵀ·dY", dtype, "ATB", k, m, n));
                cases.add(new Case("dX=dY·Wᵀ", dtype, "ABT", m, n, k));
            }
        }
        if (only == null || only.equals("f64")) {
            cases.add(new Case("ridge Xᵀ·X", "f64", "XTX", 100, 200_000, 100));
        }
        return cases;
    }

    /** {EJML, vector} runnables over freshly made operands of the case's layout. */
    private static Runnable[] operations(Case c, MatMul ejml, MatMul vector) {
        Random rnd = new Random(42);
        if (c.dtype().equals("f32")) {
            FMatrixRMaj a = randomF(c.form().equals("ATB") ? c.k() : c.m(), c.form().equals("ATB") ? c.m() : c.k(), rnd);
            FMatrixRMaj b = randomF(c.form().equals("ABT") ? c.n() : c.k(), c.form().equals("ABT") ? c.k() : c.n(), rnd);
            FMatrixRMaj out = new FMatrixRMaj(c.m(), c.n());
            return new Runnable[] {f32(ejml, c.form(), a, b, out), f32(vector, c.form(), a, b, out)};
        }
        boolean transA = c.form().equals("ATB") || c.form().equals("XTX");
        DMatrixRMaj a = randomD(transA ? c.k() : c.m(), transA ? c.m() : c.k(), rnd);
        DMatrixRMaj b = c.form().equals("XTX") ? a
                : randomD(c.form().equals("ABT") ? c.n() : c.k(), c.form().equals("ABT") ? c.k() : c.n(), rnd);
        DMatrixRMaj out = new DMatrixRMaj(c.m(), c.n());
        return new Runnable[] {f64(ejml, c.form(), a, b, out), f64(vector, c.form(), a, b, out)};
    }

    private static void runFor(Runnable op, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        do {
            op.run();
        } while (System.nanoTime() < deadline);
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(Double.NaN);
    }

    private static Runnable f32(MatMul mm, String form, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        return switch (form) {
            case "AB" -> () -> mm.mult(a, b, c);
            case "ATB" -> () -> mm.multTransA(a, b, c);
            default -> () -> mm.multTransB(a, b, c);
        };
    }

    private static Runnable f64(MatMul mm, String form, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return switch (form) {
            case "AB" -> () -> mm.mult(a, b, c);
            case "ATB", "XTX" -> () -> mm.multTransA(a, b, c);
            default -> () -> mm.multTransB(a, b, c);
        };
    }

    /** Runs briefly and returns the iteration count that takes about {@link #TIMED_SECONDS}. */
    private static int calibrate(Runnable op) {
        runFor(op, 0.05);
        int iters = 1;
        while (true) {
            long t0 = now();
            for (int i = 0; i < iters; i++) op.run();
            double s = (now() - t0) / 1e9;
            if (s >= TIMED_SECONDS / 4) return Math.max(1, (int) Math.ceil(iters * TIMED_SECONDS / s));
            iters *= 2;
        }
    }

    private static double gflops(Runnable op, int iters, double flops) {
        long t0 = now();
        for (int i = 0; i < iters; i++) op.run();
        return flops * iters / (now() - t0);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static final String NUMPY_SCRIPT = String.join("\n",
            "import sys, time",
            "import numpy as np",
            "timed = float(sys.argv[1])",
            "clock = time.thread_time if sys.argv[2] == 'cpu' else time.perf_counter",
            "try:",
            "    import threadpoolctl",
            "    info = threadpoolctl.threadpool_info()",
            "    print('# numpy %s, %s' % (np.__version__, ', '.join('%s %s %s threads=%s' % (i.get('internal_api'), i.get('version'), i.get('architecture'), i.get('num_threads')) for i in info)), flush=True)",
            "except Exception as e:",
            "    print('# numpy %s (threadpoolctl unavailable)' % np.__version__, flush=True)",
            "rng = np.random.default_rng(42)",
            "f = None; it = 1; flops = 0.0",
            "for line in sys.stdin:",
            "    w = line.split()",
            "    if w[0] == 'rep':",
            "        t0 = clock()",
            "        for _ in range(it): f()",
            "        print(flops * it / (clock() - t0) / 1e9, flush=True)",
            "        continue",
            "    dt, form, m, k, n = w[1:]; m, k, n = int(m), int(k), int(n)",
            "    t = np.float32 if dt == 'f32' else np.float64",
            "    c = np.empty((m, n), dtype=t)",
            "    if form == 'AB':",
            "        a = rng.random((m, k)).astype(t); b = rng.random((k, n)).astype(t); f = lambda: np.dot(a, b, out=c)",
            "    elif form == 'ATB':",
            "        a = rng.random((k, m)).astype(t); b = rng.random((k, n)).astype(t); f = lambda: np.dot(a.T, b, out=c)",
            "    elif form == 'ABT':",
            "        a = rng.random((m, k)).astype(t); b = rng.random((n, k)).astype(t); f = lambda: np.dot(a, b.T, out=c)",
            "    else:",
            "        a = rng.random((k, m)).astype(t); f = lambda: np.dot(a.T, a, out=c)",
            "    flops = 2.0 * m * k * n",
            "    end = time.perf_counter() + 0.2",
            "    while time.perf_counter() < end: f()",
            "    it = 1",
            "    while True:",
            "        t0 = clock()",
            "        for _ in range(it): f()",
            "        s = clock() - t0",
            "        if s >= timed / 4: break",
            "        it *= 2",
            "    it = max(1, int(it * timed / s + 0.999))",
            "    print('ok', flush=True)",
            "");

    /** Debian's numpy on one OpenBLAS thread, driven line by line so its repetitions interleave with Java's. */
    static final class Numpy implements AutoCloseable {
        private final Process process;
        private final java.io.BufferedReader in;
        private final java.io.PrintWriter out;

        private Numpy(Process process) {
            this.process = process;
            this.in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.out = new java.io.PrintWriter(new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        }

        /** Starts the child, or returns null when Debian's python3 is not there. */
        static Numpy start() throws IOException {
            Path python = Path.of("/usr/bin/python3");
            if (!Files.isExecutable(python)) {
                System.out.println("# numpy: /usr/bin/python3 not found");
                return null;
            }
            ProcessBuilder pb = new ProcessBuilder(python.toString(), "-c", NUMPY_SCRIPT, Double.toString(TIMED_SECONDS),
                    cpuTime ? "cpu" : "wall");
            Map<String, String> env = pb.environment();
            env.remove("OPENBLAS_CORETYPE");
            env.remove("OPENBLAS_L2_SIZE");
            env.put("OPENBLAS_NUM_THREADS", "1");
            env.put("OMP_NUM_THREADS", "1");
            env.put("MKL_NUM_THREADS", "1");
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Numpy np = new Numpy(pb.start());
            System.out.println(np.readLine());
            return np;
        }

        void setup(Case c) throws IOException {
            out.println("setup " + c.dtype() + " " + c.form() + " " + c.m() + " " + c.k() + " " + c.n());
            String ok = readLine();
            if (!ok.equals("ok")) throw new IOException("numpy child: " + ok);
        }

        double rep() throws IOException {
            out.println("rep");
            return Double.parseDouble(readLine().trim());
        }

        private String readLine() throws IOException {
            String line = in.readLine();
            if (line == null) throw new IOException("numpy child ended");
            return line;
        }

        @Override
        public void close() throws InterruptedException {
            out.close();
            process.waitFor();
        }
    }

    private static FMatrixRMaj randomF(int rows, int cols, Random rnd) {
        FMatrixRMaj x = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rnd.nextFloat();
        return x;
    }

    private static DMatrixRMaj randomD(int rows, int cols, Random rnd) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rnd.nextDouble();
        return x;
    }
}
