package org.mlopt.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Kernel choice: Vector API when its module is present, EJML otherwise or on request. */
class MatMulsTest {

    /** [1 2 3; 4 5 6] · [7 8; 9 10; 11 12], worked by hand. */
    private static final String PRODUCT = "[58.0, 64.0, 139.0, 154.0]";
    private static final String ELEMENTS = "0.0 3.0 -2.5000 2.5000";

    @Test
    void picksTheVectorKernelWhenTheModuleIsPresent() {
        assertTrue(MatMuls.vectorModulePresent(), "the build runs tests with --add-modules=jdk.incubator.vector");
        if (System.getProperty("mlopt.kernel") == null) {
            assertInstanceOf(VectorMatMul.class, MatMuls.get());
            assertTrue(MatMuls.describe().contains("vector"), MatMuls.describe());
            assertTrue(MatMuls.describe().matches(".*fp32 \\d+-bit x\\d+.*"), MatMuls.describe());
        }
    }

    @Test
    void threadCountIsConfigurable() {
        int before = MatMuls.threads();
        try {
            MatMuls.setThreads(3);
            assertEquals(3, MatMuls.threads());
            assertTrue(MatMuls.describe().contains("threads: 3"), MatMuls.describe());
        } finally {
            MatMuls.setThreads(before);
        }
        assertThrows(IllegalArgumentException.class, () -> MatMuls.setThreads(0));
    }

    @Test
    void fallsBackToEjmlWithoutTheVectorModule() throws Exception {
        List<String> out = probe(List.of());
        assertTrue(out.get(0).contains("ejml"), out.toString());
        assertEquals(PRODUCT, out.get(1));
        // relu(-3) = 0, relu(3) = 3; Adam's first step (lr 0.5: step size 0.5 / (1 - 0.9), moments
        // corrected by 1 - 0.9 and sqrt(1 - 0.999), eps 0) moves each weight by 0.5 against the sign
        // of its gradient, here the weight itself: -3 to -2.5, 3 to 2.5
        assertEquals("ScalarElementKernels " + ELEMENTS, out.get(2));
    }

    @Test
    void ejmlOnRequestAndThreadsFromProperty() throws Exception {
        List<String> out = probe(List.of("--add-modules=jdk.incubator.vector", "-Dmlopt.kernel=ejml", "-Dmlopt.threads=2"));
        assertTrue(out.get(0).contains("ejml") && out.get(0).contains("threads: 2"), out.toString());
        assertEquals(PRODUCT, out.get(1));
        assertEquals("ScalarElementKernels " + ELEMENTS, out.get(2));
    }

    private static List<String> probe(List<String> jvmArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-Xshare:auto");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MatMulsProbe.class.getName());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
        assertEquals(0, p.exitValue(), text);
        return text.lines().toList();
    }
}
