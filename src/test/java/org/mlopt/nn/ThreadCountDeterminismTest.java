package org.mlopt.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Training gives bit-identical weights on 1, 2 and 3 threads. The network (100-256-256-10, ReLU,
 * Adam, batch 128 with a partial last batch) is wide enough that every split applies: its products
 * (from 0.5 MFLOP), bias + ReLU forward and backward (from 8192 elements), Adam's steps on the two
 * weight matrices (from 16384 elements) all run split when
 * threads &gt; 1. It runs in a fresh JVM ({@link ThreadCountDeterminismProbe}), so that its large
 * products do not change how the JIT compiles the kernels for the small networks of other tests in
 * this JVM (their allocation checks depend on it).
 */
class ThreadCountDeterminismTest {

    @Test
    void sameWeightsOnOneTwoAndThreeThreads() throws IOException, InterruptedException {
        List<String> lines = probe();
        assertEquals(4, lines.size(), lines.toString());
        String[] untrained = lines.get(0).split(" ");
        String[] one = lines.get(1).split(" ");
        assertEquals("1", one[0]);
        assertTrue(Long.parseLong(one[2]) > 90_000, "all parameters digested: " + lines);
        assertNotEquals(untrained[1], one[1], "training changed the weights");
        for (int i = 2; i < 4; i++) {
            String[] many = lines.get(i).split(" ");
            assertEquals(String.valueOf(i), many[0]);
            assertEquals(one[1] + " " + one[2], many[1] + " " + many[2], "weights on " + many[0] + " threads");
        }
    }

    private static List<String> probe() throws IOException, InterruptedException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                ThreadCountDeterminismProbe.class.getName());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe JVM did not finish");
        assertEquals(0, p.exitValue(), text);
        return text.lines().toList();
    }
}
