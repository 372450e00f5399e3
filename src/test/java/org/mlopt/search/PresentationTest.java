package org.mlopt.search;

import org.junit.jupiter.api.Test;
import org.mlopt.util.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresentationTest {

    private static Config config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("C", 0.5);
        m.put("penalty", "l2");
        m.put("opt.lr", 1e-5);
        m.put("net.dense[0]", 64.0);
        m.put("train.shuffle", true);
        m.put("label", "a b");
        return new Config(m);
    }

    @Test
    void snippetPutsPlainKeysInTheModelAndDottedKeysOnLines() {
        assertEquals("""
                model clf = logistic_regression(C: 0.5, penalty: l2, label: "a b")
                opt.lr: 1e-05
                net.dense[0]: 64
                train.shuffle: true
                """, BestSnippet.render("clf", "logistic_regression", config()));
        assertTrue(BestSnippet.lines(config()).startsWith("C: 0.5\npenalty: l2\n"));
    }

    @Test
    void tableShowsScoreSdTimeStateAndResource() {
        FoldResult a = new FoldResult(Map.of("accuracy", 0.9), Map.of(), false, null, 0.25);
        FoldResult b = new FoldResult(Map.of("accuracy", 0.8), Map.of(), false, null, 0.5);
        FoldResult pruned = new FoldResult(Map.of("accuracy", 0.1), Map.of(0, 0.1), true, null, 0.1);
        TrialResult t0 = new TrialResult(0, config(), 0, 0, new Resource("epochs", 3), List.of(a, b), 0.75);
        TrialResult t1 = new TrialResult(1, config(), 0, 0, new Resource("epochs", 3), List.of(a, pruned), 0.35);
        SearchResult r = new SearchResult(List.of(t0, t1), "accuracy", Direction.MAXIMIZE, Optional.of(t0), false, "grid");
        List<String> lines = TrialTable.render(r).lines().toList();
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("trial  resource  C    penalty  opt.lr"), lines.get(0));
        assertTrue(lines.get(2).startsWith("*1     3"), lines.get(2));
        assertTrue(lines.get(2).contains("0.850000 ± 0.050000") && lines.get(2).contains("0.75s")
                && lines.get(2).endsWith("complete"), lines.get(2));
        assertTrue(lines.get(3).endsWith("pruned"), lines.get(3));

        Map<?, ?> json = (Map<?, ?>) Json.read(Json.write(r.toJson()));
        assertEquals(0L, json.get("best_trial"));
        assertEquals(0.85, (Double) json.get("best_score"), 1e-15);
        assertEquals("l2", ((Map<?, ?>) json.get("best_params")).get("penalty"));
        assertEquals(2, ((List<?>) json.get("trials")).size());
        assertEquals(t1, TrialLog.fromJson((Map<?, ?>) Json.read(Json.write(TrialLog.toJson(t1)))));
    }
}
