package org.mlopt.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void createsReplacesAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("runs/r1/state.json");
        AtomicFiles.write(target, "{\"a\":1}");
        assertEquals("{\"a\":1}", Files.readString(target));
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertEquals(3, Files.readAllBytes(target).length);
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(List.of(target), s.toList());
        }
    }

    @Test
    void concurrentReadersNeverSeeAPartialFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("f.txt");
        String a = "a".repeat(200_000), b = "b".repeat(300_000);
        AtomicFiles.write(target, a);
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 30; i++) AtomicFiles.write(target, i % 2 == 0 ? b : a);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();
        while (writer.isAlive()) {
            String s = Files.readString(target);
            assertEquals(true, s.equals(a) || s.equals(b), "partial content of length " + s.length());
        }
        writer.join();
    }
}
