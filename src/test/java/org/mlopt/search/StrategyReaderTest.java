package org.mlopt.search;

import org.junit.jupiter.api.Test;
import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Statement;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrategyReaderTest {

    private static final StrategyReader.ResourceDefaults DEFAULTS = new StrategyReader.ResourceDefaults("samples", 20, 400);

    private static Block options(String settings) {
        ParseResult r = ScriptParser.parse("t.mlopt", "search clf on train {\n  space { C: [1, 10]\n penalty: [l1, l2] }\n  "
                + settings + "\n}\n");
        if (!r.ok()) throw new AssertionError("parse failed");
        return ((Statement.Search) r.program().statements().get(0)).options();
    }

    private static StrategyReader.Strategy strategy(String text) {
        Block o = options("strategy: " + text);
        SearchSpace space = SpaceReader.read(o.space().orElseThrow().block());
        Expr e = o.get("strategy").orElseThrow().value();
        return StrategyReader.read(e, space, 7, DEFAULTS);
    }

    @Test
    void readsEveryStrategyWithSchemaDefaults() {
        assertEquals(4, assertInstanceOf(GridSampler.class, strategy("grid").sampler()).size());
        assertEquals("random(trials: 20, seed: 0)", strategy("random(trials: 20, seed: 0)").sampler().describe());
        assertEquals("random(trials: 10, seed: 7)", strategy("random()").sampler().describe());
        assertEquals("tpe(trials: 50, startup: 10, seed: 7)", strategy("tpe()").sampler().describe());
        assertEquals("tpe(trials: 30, startup: 5, seed: 1)", strategy("tpe(30, startup: 5, seed: 1)").sampler().describe());
        StrategyReader.Strategy h = strategy("halving(factor: 2, min_resource: 10, resource: epochs)");
        assertInstanceOf(GridSampler.class, h.sampler());
        assertEquals(new Scheduler.SuccessiveHalving("epochs", 2, 10, 400, 0), h.scheduler());
        assertEquals(new Scheduler.Hyperband("samples", 3, 20, 90), strategy("hyperband(max_resource: 90)").scheduler());
        assertThrows(SpaceException.class, () -> strategy("bayes(3)"));
        assertThrows(SpaceException.class, () -> strategy("halving(factor: 1)"));
    }

    @Test
    void readsMedianStop() {
        Block o = options("median_stop: { warmup: 5, min_trials: 3 }");
        Expr.BlockLit b = (Expr.BlockLit) o.get("median_stop").orElseThrow().value();
        assertEquals(new MedianStoppingRule(5, 3), StrategyReader.medianStop(b.block()));
        Block bad = ((Expr.BlockLit) options("median_stop: { patience: 5 }").get("median_stop").orElseThrow().value()).block();
        assertThrows(SpaceException.class, () -> StrategyReader.medianStop(bad));
    }
}
