package org.mlopt.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void numbersPrintLikePythonRepr() {
        // Expected strings: repr(float) in CPython 3.11 (Debian python3) for the same doubles.
        double[] values = {0.1, 1.0 / 3, 2.0 / 3, 1e-5, 1.5e-7, 123456789.125, 1e16, 1.2345e22, -2.5, 3.0, 100.0,
                Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2, 9007199254740993.0, 0.0001, 12345678901234567.0};
        String[] expected = {"0.1", "0.3333333333333333", "0.6666666666666666", "1e-05", "1.5e-07", "123456789.125", "1e+16",
                "1.2345e+22", "-2.5", "3.0", "100.0", "5e-324", "1.7976931348623157e+308", "0.30000000000000004",
                "9007199254740992.0", "0.0001", "1.2345678901234568e+16"};
        for (int i = 0; i < values.length; i++) assertEquals(expected[i], Json.number(values[i]), "value " + i);
        assertEquals("null", Json.number(Double.NaN));
        assertEquals("null", Json.number(Double.POSITIVE_INFINITY));
        assertEquals("-0.0", Json.number(-0.0));
    }

    @Test
    void numbersRoundTripExactly() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(d)) continue;
            String s = Json.number(d);
            assertEquals(d, Double.parseDouble(s), s);
            assertEquals(d, ((Number) Json.read(s)).doubleValue(), s);
        }
    }

    @Test
    void writesInInsertionOrderAndEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", List.of(true, "x\"y\n", 2.5));
        m.put("nan", Double.NaN);
        m.put("arr", new double[] {1, 0.5});
        m.put("ints", new int[] {3, 4});
        m.put("empty", Map.of());
        m.put("nothing", null);
        String compact = Json.write(m);
        assertEquals("{\"z\":1,\"a\":[true,\"x\\\"y\\n\",2.5],\"nan\":null,\"arr\":[1.0,0.5],\"ints\":[3,4],\"empty\":{},\"nothing\":null}", compact);
        String pretty = Json.writePretty(Map.of("k", List.of(1, 2)));
        assertEquals("{\n  \"k\": [1, 2]\n}", pretty);
        assertEquals(Json.read(compact), Json.read(Json.writePretty(Json.read(compact))));
    }

    @Test
    void readerIsTolerant() {
        Object v = Json.read("\uFEFF{ // comment\n \"a\": [1, 2.5, -3e2, NaN, Infinity, -Infinity,],\n \"b\": {\"c\": \"\\u00e9\\t\"},\n}");
        Map<?, ?> m = (Map<?, ?>) v;
        List<?> a = (List<?>) m.get("a");
        assertEquals(1L, a.get(0));
        assertEquals(2.5, a.get(1));
        assertEquals(-300.0, a.get(2));
        assertTrue(Double.isNaN((Double) a.get(3)));
        assertEquals(Double.POSITIVE_INFINITY, a.get(4));
        assertEquals(Double.NEGATIVE_INFINITY, a.get(5));
        assertEquals("é\t", ((Map<?, ?>) m.get("b")).get("c"));
        assertEquals(List.of("a", "b"), List.copyOf(m.keySet()));
        assertEquals(1e30, Json.read("1000000000000000000000000000000"));
    }

    @Test
    void malformedInputNamesLineAndColumn() {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.read("{\n  \"a\": tru\n}"));
        assertTrue(e.getMessage().startsWith("JSON line 2, column 8"), e.getMessage());
        assertThrows(Json.JsonException.class, () -> Json.read("[1, 2"));
        assertThrows(Json.JsonException.class, () -> Json.read("{\"a\" 1}"));
        assertThrows(Json.JsonException.class, () -> Json.read("1 2"));
        assertThrows(Json.JsonException.class, () -> Json.read("\"open"));
        assertThrows(Json.JsonException.class, () -> Json.read("1.2.3"));
        assertEquals(Arrays.asList(1L, null), Json.read("[1,null]"));
    }

    @Test
    void matchesPythonReprOnGeneratedDoubles() throws Exception {
        // src/test/resources/util/python-repr.txt: CPython 3.11 repr of values drawn from numpy RandomState(5)
        java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/test/resources/util/python-repr.txt"));
        org.mlopt.data.NumpyRandomState r = new org.mlopt.data.NumpyRandomState(5);
        int checked = 0;
        for (int i = 0; i < 1500; i++) {
            double u = r.randomSample();
            double v = i % 3 == 0 ? u : i % 3 == 1 ? 1.0 / u : u * 1e6;
            assertEquals(lines.get(i + 1), Json.number(v), "value " + i);
            checked++;
        }
        assertEquals(1500, checked);
    }
}
