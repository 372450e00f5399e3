package org.mlopt.bench;

import java.nio.file.Path;
import org.mlopt.data.CsvReader;

/** Times reading examples/data/digits.csv (1797×65): best of 30 after 30 warm-up reads. */
public final class CsvReadBench {
    public static void main(String[] args) {
        Path p = Path.of(args.length > 0 ? args[0] : "examples/data/digits.csv");
        for (int i = 0; i < 30; i++) CsvReader.read(p, CsvReader.Options.defaults());
        long best = Long.MAX_VALUE;
        long total = 0;
        for (int i = 0; i < 30; i++) {
            long t = System.nanoTime();
            CsvReader.read(p, CsvReader.Options.defaults());
            long dt = System.nanoTime() - t;
            best = Math.min(best, dt);
            total += dt;
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBest = Long.MAX_VALUE;
        for (int i = 0; i < 30; i++) {
            long t = mx.getCurrentThreadCpuTime();
            CsvReader.read(p, CsvReader.Options.defaults());
            cpuBest = Math.min(cpuBest, mx.getCurrentThreadCpuTime() - t);
        }
        System.out.printf("%s: wall best %.2f ms, mean %.2f ms; thread CPU best %.2f ms%n", p, best / 1e6, total / 30 / 1e6, cpuBest / 1e6);
    }
}
