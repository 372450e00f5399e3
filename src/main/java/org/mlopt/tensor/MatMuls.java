package org.mlopt.tensor;

/**
 * Chooses the matrix-product kernel for this process: the Vector API kernel ({@code VectorMatMul})
 * when the module {@code jdk.incubator.vector} is present, EJML's otherwise or when
 * {@code -Dmlopt.kernel=ejml} asks for it. The Vector API class is loaded reflectively, so a JVM
 * started without {@code --add-modules=jdk.incubator.vector} never touches it.
 *
 * <p>Large products may split their rows across threads: {@code -Dmlopt.threads=N} or
 * {@link #setThreads(int)}, default 1. Results do not depend on the thread count.
 */
public final class MatMuls {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "org.mlopt.tensor.VectorMatMul";

    private static volatile int threads = initialThreads();
    private static final MatMul CHOSEN = choose();

    private MatMuls() {}

    /** The kernel for this process. */
    public static MatMul get() {
        return CHOSEN;
    }

    /** One line naming the kernel in use, its vector species and thread count. */
    public static String describe() {
        return "matmul kernel: " + CHOSEN.name() + ", threads: " + threads;
    }

    /** Threads a large product may use. */
    public static int threads() {
        return threads;
    }

    /** Sets the threads a large product may use (at least 1). */
    public static void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("matmul threads must be at least 1, got " + n);
        threads = n;
    }

    /** Whether the Vector API module is in the boot layer of this JVM. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    private static int initialThreads() {
        String value = System.getProperty("mlopt.threads");
        if (value == null || value.isBlank()) return 1;
        try {
            return Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static MatMul choose() {
        String wanted = System.getProperty("mlopt.kernel", "auto").trim();
        if (wanted.equalsIgnoreCase("ejml") || !vectorModulePresent()) {
            return new EjmlMatMul();
        }
        try {
            return (MatMul) Class.forName(VECTOR_CLASS).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new EjmlMatMul();
        }
    }
}
