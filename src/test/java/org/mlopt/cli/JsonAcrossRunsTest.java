package org.mlopt.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same script and seed give byte-identical {@code --json} in separate processes. Within one
 * process this holds trivially for hash-ordered maps, whose iteration order is fixed per JVM, so
 * the comparison needs two JVMs.
 */
class JsonAcrossRunsTest {

    private static String runInNewJvm(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), "org.mlopt.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run finished");
        assertEquals(0, p.exitValue(), "exit code");
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void twoProcessesWriteTheSameBytes() throws Exception {
        // Training history, pruning layers, a two-objective search and per-fold metrics: every kind of map the JSON holds.
        String[] args = {"run", "src/test/resources/cli/prune_search.mlopt", "--json", "--no-save", "--quiet"};
        String first = runInNewJvm(args);
        String second = runInNewJvm(args);
        assertTrue(first.contains("\"pareto_front\"") && first.contains("\"history\""), first);
        assertEquals(first, second);
    }
}
