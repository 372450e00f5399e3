package org.mlopt.report;

import org.mlopt.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run folder holds, read once: the summary, the script as run and its header.
 *
 * @param folder  the run folder
 * @param summary the whole {@code summary.json} document
 * @param script  {@code script.mlopt} including its header line ("" when missing)
 * @param header  the seed and overrides the run was started with
 * @param steps   the steps in execution order
 */
public record RunRecord(Path folder, Map<String, Object> summary, String script, ScriptHeader header, List<StepRecord> steps) {

    /** Reads {@code folder}; fails with a message naming the file when the summary is missing or unreadable. */
    public static RunRecord read(Path folder) throws IOException {
        Path summaryFile = folder.resolve("summary.json");
        if (!Files.isRegularFile(summaryFile)) throw new IOException(summaryFile + ": no such file (is " + folder + " a run folder?)");
        Object doc;
        try {
            doc = Json.read(Files.readString(summaryFile, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IOException(summaryFile + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map<?, ?>)) throw new IOException(summaryFile + ": expected a JSON object");
        Map<String, Object> summary = StepRecord.map(doc);
        Path scriptFile = folder.resolve("script.mlopt");
        String script = Files.isRegularFile(scriptFile) ? Files.readString(scriptFile, StandardCharsets.UTF_8) : "";
        List<StepRecord> steps = new ArrayList<>();
        if (summary.get("steps") instanceof List<?> l) for (Object o : l) if (o instanceof Map<?, ?>) steps.add(StepRecord.from(StepRecord.map(o)));
        return new RunRecord(folder, summary, script, ScriptHeader.parse(script), List.copyOf(steps));
    }

    /** The run's seed: from the script header, else from the summary. */
    public Long seed() {
        if (header.seed() != null) return header.seed();
        return summary.get("seed") instanceof Number n ? n.longValue() : null;
    }

    /** The script path as named on the command line of the run. */
    public String scriptPath() {
        return StepRecord.text(summary.get("script"));
    }

    /** The mlopt version that produced the run. */
    public String version() {
        return StepRecord.text(summary.get("mlopt"));
    }

    public boolean cancelled() {
        return Boolean.TRUE.equals(summary.get("cancelled"));
    }

    /** The {@code not_executed} notes. */
    public List<String> notExecuted() {
        List<String> out = new ArrayList<>();
        if (summary.get("not_executed") instanceof List<?> l) for (Object o : l) out.add(String.valueOf(o));
        return out;
    }
}
