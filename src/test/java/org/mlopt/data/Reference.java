package org.mlopt.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mlopt.util.Json;

/** Loads the shipped datasets and the split references of /work/shared/bench/w0_splits.py. */
final class Reference {
    private Reference() {}

    static final List<String> DATASETS = List.of("iris", "wine", "breast_cancer", "digits", "diabetes");

    static Dataset load(String name) {
        return CsvReader.read(Path.of("examples/data", name + ".csv"), CsvReader.Options.defaults());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> split(String name) {
        try {
            return (Map<String, Object>) Json.read(Files.readString(Path.of("src/test/resources/reference/splits", name + ".json")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static int[] ints(Object list) {
        return ((List<?>) list).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    }

    static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }
}
