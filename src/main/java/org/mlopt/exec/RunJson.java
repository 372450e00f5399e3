package org.mlopt.exec;

import org.mlopt.util.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} document and the run folder's {@code summary.json} (schema in docs/json.md).
 * It holds no times or paths that change between runs, so the same script and seed give the same
 * bytes; only the run folder's summary adds the measured inference times the report shows.
 */
public final class RunJson {

    public static final int SCHEMA_VERSION = 1;

    private RunJson() {}

    /**
     * Wall-clock measurements among a step's details: the run folder's summary keeps them for the
     * report, the {@code --json} output leaves them out so that it stays the same from run to run.
     */
    public static final java.util.Set<String> MEASURED_TIMES = java.util.Set.of("inference_ms_before", "inference_ms_after",
            "sparse_inference_ms_after");

    /** The document without measured times: what {@code --json} prints. */
    public static Map<String, Object> document(RunResult run, String mloptVersion) {
        return document(run, mloptVersion, false);
    }

    /** @param withTimes whether to keep the details' {@link #MEASURED_TIMES} (the run folder's summary does) */
    public static Map<String, Object> document(RunResult run, String mloptVersion, boolean withTimes) {
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
            Map<String, Object> details = new LinkedHashMap<>(s.details());
            if (!withTimes) details.keySet().removeAll(MEASURED_TIMES);
            if (!details.isEmpty()) step.put("details", details);
            if (!s.history().isEmpty()) step.put("history", s.history());
            steps.add(step);
        }
        doc.put("steps", steps);
        doc.put("not_executed", run.notExecuted());
        doc.put("cancelled", run.cancelled());
        return doc;
    }

    public static String render(RunResult run, String mloptVersion) {
        return render(run, mloptVersion, false);
    }

    public static String render(RunResult run, String mloptVersion, boolean withTimes) {
        return Json.writePretty(document(run, mloptVersion, withTimes)) + "\n";
    }
}
