package org.mlopt.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpaceReaderTest {

    @Test
    void readsEveryPrimitiveOfTheSpec() {
        SearchSpace s = SpaceReader.read(Fixtures.space("""
                C: [0.001, 0.01, 0.1, 1, 10, 100]
                penalty: [l1, l2, elastic_net]
                l1_ratio: when(penalty: elastic_net, uniform(0.1, 0.9))
                opt.lr: loguniform(1e-4, 1e-1)
                net.dense[0]: choice(8, 16, 32, 64)
                train.epochs: randint(10, 50)
                q: quniform(low: 0, high: 1, q: 0.25)
                flag: choice(true, false, "a b")
                """));
        List<Dimension> d = s.dimensions();
        assertEquals(List.of("C", "penalty", "l1_ratio", "opt.lr", "net.dense[0]", "train.epochs", "q", "flag"),
                d.stream().map(Dimension::name).toList());
        assertEquals(new Domain.GridValues(List.of(0.001, 0.01, 0.1, 1.0, 10.0, 100.0)), d.get(0).domain());
        assertEquals(new Domain.GridValues(List.of("l1", "l2", "elastic_net")), d.get(1).domain());
        assertEquals(new Domain.Uniform(0.1, 0.9), d.get(2).domain());
        assertEquals(Map.of("penalty", List.of("elastic_net")), d.get(2).when());
        assertEquals(new Domain.LogUniform(1e-4, 1e-1), d.get(3).domain());
        assertEquals(new Domain.Choice(List.of(8.0, 16.0, 32.0, 64.0)), d.get(4).domain());
        assertEquals(new Domain.RandInt(10, 50), d.get(5).domain());
        assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), d.get(6).domain().values());
        assertEquals(List.of(true, false, "a b"), d.get(7).domain().values());
        assertEquals("l1_ratio: when(penalty: elastic_net, uniform(0.1, 0.9))", d.get(2).describe());
    }

    @Test
    void rejectsMalformedPrimitivesWithTheirPosition() {
        SpaceException e = assertThrows(SpaceException.class, () -> SpaceReader.read(Fixtures.space("  lr: loguniform(0, 1)")));
        assertTrue(e.getMessage().contains("0 < low < high"), e.getMessage());
        assertEquals(3, e.span().line());
        assertThrows(SpaceException.class, () -> SpaceReader.read(Fixtures.space("n: randint(5, 2)")));
        assertThrows(SpaceException.class, () -> SpaceReader.read(Fixtures.space("n: randint(1.5, 2)")));
        assertThrows(SpaceException.class, () -> SpaceReader.read(Fixtures.space("n: normal(0, 1)")));
        SpaceException w = assertThrows(SpaceException.class,
                () -> SpaceReader.read(Fixtures.space("r: when(penalty: l1, uniform(0, 1))")));
        assertTrue(w.getMessage().contains("penalty"), w.getMessage());
    }

    @Test
    void gridFollowsParameterGridOrder() {
        // scikit-learn ParameterGrid({'C': [...], 'penalty': ['l1', 'l2']}): keys sorted, the first ('C') slowest.
        SearchSpace s = SpaceReader.read(Fixtures.space("penalty: [l1, l2]\n C: [0.1, 1, 10]"));
        List<Config> grid = s.grid();
        assertEquals(6, grid.size());
        assertEquals("penalty=l1, C=0.1", grid.get(0).toString());
        assertEquals("penalty=l2, C=0.1", grid.get(1).toString());
        assertEquals("penalty=l1, C=1", grid.get(2).toString());
        assertEquals("penalty=l2, C=10", grid.get(5).toString());
    }

    @Test
    void conditionalKeysMultiplyOnlyWhereActive() {
        SearchSpace s = SpaceReader.read(Fixtures.space(
                "C: [1, 10]\n penalty: [l2, elastic_net]\n l1_ratio: when(penalty: elastic_net, [0.2, 0.5, 0.8])"));
        List<Config> grid = s.grid();
        assertEquals(2 * (1 + 3), grid.size());
        assertEquals("C=1, penalty=l2", grid.get(0).toString());
        assertEquals("C=1, penalty=elastic_net, l1_ratio=0.2", grid.get(1).toString());
        assertEquals("C=10, penalty=elastic_net, l1_ratio=0.8", grid.get(7).toString());
        assertThrows(IllegalArgumentException.class,
                () -> SpaceReader.read(Fixtures.space("C: [1, 10]\n lr: uniform(0, 1)")).grid());
    }

    @Test
    void samplingHonoursDomainsAndConditions() {
        SearchSpace s = SpaceReader.read(Fixtures.space("""
                penalty: [l2, elastic_net]
                l1_ratio: when(penalty: elastic_net, uniform(0.1, 0.9))
                lr: loguniform(1e-4, 1e-1)
                epochs: randint(10, 12)
                q: quniform(0, 1, 0.25)
                """));
        SplittableRandom r = new SplittableRandom(7);
        boolean sawHigh = false;
        for (int i = 0; i < 500; i++) {
            Config c = s.sample(r);
            assertEquals(c.word("penalty").equals("elastic_net"), c.has("l1_ratio"), c.toString());
            if (c.has("l1_ratio")) assertTrue(c.number("l1_ratio") >= 0.1 && c.number("l1_ratio") < 0.9);
            assertTrue(c.number("lr") >= 1e-4 && c.number("lr") <= 1e-1);
            double e = c.number("epochs");
            assertTrue(e == 10 || e == 11, "randint's high end is exclusive: " + e);
            assertTrue(List.of(0.0, 0.25, 0.5, 0.75, 1.0).contains(c.number("q")));
            sawHigh |= c.number("lr") > 1e-2;
        }
        assertTrue(sawHigh);
        assertFalse(s.enumerable());
        assertInstanceOf(Domain.LogUniform.class, s.dimension("lr").orElseThrow().domain());
    }
}
