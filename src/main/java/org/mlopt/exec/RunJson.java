package org.mlopt.exec;

import org.mlopt.util.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} document and the run folder's {@code summary.json} (schema in docs/json.md).
 * It holds no times or paths that change between runs, so the same script and seed give the same
 * bytes.
 */
public final class RunJson {

    public static final int SCHEMA_VERSION = 1;

    private RunJson() {}

    public static Map<String, Object> document(RunResult run, String mloptVersion) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA_VERSION);
        doc.put("mlopt", mloptVersion);
        doc.put("script", run.script());
        doc.put("seed", run.seed());
        List<Object> steps = new ArrayList<>();
        for (StepResult s : run.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("id", s.stepId());
            step.put("kind", s.kind());
            step.put("model", s.subject());
            if (s.data() != null) step.put("data", s.data());
            step.put("metrics", s.metrics());
            if (!s.details().isEmpty()) step.put("details", s.details());
            if (!s.history().isEmpty()) step.put("history", s.history());
            steps.add(step);
        }
        doc.put("steps", steps);
        doc.put("not_executed", run.notExecuted());
        doc.put("cancelled", run.cancelled());
        return doc;
    }

    public static String render(RunResult run, String mloptVersion) {
        return Json.writePretty(document(run, mloptVersion)) + "\n";
    }
}
