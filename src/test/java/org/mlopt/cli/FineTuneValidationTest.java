package org.mlopt.cli;

import org.junit.jupiter.api.Test;
import org.mlopt.util.Json;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fine-tuning after pruning, validated on a split part of its own, from a script. */
class FineTuneValidationTest {

    @Test
    @SuppressWarnings("unchecked")
    void earlyStoppingOnAPartRestoresTheEpochThatScoredBestOnIt() {
        CliRunner r = CliRunner.run("run", "src/test/resources/cli/finetune_on_part.mlopt", "--json", "--no-save", "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) Json.read(r.out())).get("steps");
        Map<String, Object> prune = steps.stream().filter(s -> s.get("kind").equals("prune")).findFirst().orElseThrow();
        List<Map<String, Object>> history = (List<Map<String, Object>>) prune.get("history");
        Map<String, Object> details = (Map<String, Object>) prune.get("details");
        assertEquals(List.of("early_stopped"), details.get("finetune_stopped"));
        assertTrue(history.size() < 30, "stopped before its 30 epochs: " + history.size());
        assertEquals(history.size(), ((Number) details.get("finetune_epochs")).intValue());
        double best = history.stream().mapToDouble(h -> (Double) h.get("val_accuracy")).max().orElseThrow();
        // The restored weights score on the validation part exactly what the best epoch recorded for it.
        Map<String, Object> evaluated = steps.stream().filter(s -> s.get("kind").equals("evaluate")).findFirst().orElseThrow();
        assertEquals(best, (Double) ((Map<String, Object>) evaluated.get("metrics")).get("accuracy"), 0.0);
    }
}
