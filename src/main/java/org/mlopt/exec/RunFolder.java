package org.mlopt.exec;

import org.mlopt.util.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's folder, {@code runs/<script>-<timestamp>/}: the script as run, per-epoch metrics of every
 * training step as CSV, and {@code summary.json}. Every file is written atomically and rewritten
 * after each step, so an interrupted run keeps everything it finished.
 */
public final class RunFolder {

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** Creates a new, uniquely named folder under {@code root}. */
    public static RunFolder create(Path root, String scriptName, LocalDateTime now) {
        String base = scriptName.replaceAll(".*[/\\\\]", "").replaceAll("\\.mlopt$", "") + "-"
                + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        try {
            Files.createDirectories(root);
            Path dir = root.resolve(base);
            for (int i = 2; Files.exists(dir); i++) dir = root.resolve(base + "-" + i);
            Files.createDirectory(dir);
            return new RunFolder(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder under " + root + ": " + e.getMessage(), e);
        }
    }

    /** An existing run folder, to resume the run it holds. */
    public static RunFolder open(Path dir) {
        if (!Files.isDirectory(dir)) throw new UncheckedIOException(new IOException("no run folder " + dir));
        return new RunFolder(dir);
    }

    /** What {@code mlopt run --resume} needs: the script's path, the seed and the overrides. */
    public void writeRunInfo(Path script, long seed, List<String> overrides) {
        Map<String, Object> info = new java.util.LinkedHashMap<>();
        info.put("script", script.toAbsolutePath().normalize().toString());
        info.put("seed", seed);
        info.put("overrides", overrides);
        write("run.json", org.mlopt.util.Json.writePretty(info) + "\n");
    }

    /** The run information written by {@link #writeRunInfo}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> readRunInfo() {
        try {
            return (Map<String, Object>) org.mlopt.util.Json.read(Files.readString(dir.resolve("run.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(dir + " has no readable run.json: it is not a run folder of this mlopt"));
        }
    }

    public Path path() {
        return dir;
    }

    /** The script exactly as given, headed by the seed and overrides it ran with. */
    public void writeScript(String text, long seed, List<String> overrides) {
        StringBuilder header = new StringBuilder("# run with --seed ").append(seed);
        for (String o : overrides) header.append(" --set ").append(o);
        write("script.mlopt", header.append('\n').append(text).toString());
    }

    /** The summary of everything finished so far, and the per-epoch CSV of each training step. */
    public void writeProgress(RunResult soFar, String version) {
        for (StepResult s : soFar.steps())
            if (!s.history().isEmpty()) write(s.subject() + "-" + s.stepId() + "-epochs.csv", csv(s.history()));
        write("summary.json", RunJson.render(soFar, version, true));
    }

    private static String csv(List<Map<String, Double>> rows) {
        List<String> columns = new ArrayList<>();
        for (Map<String, Double> r : rows) for (String k : r.keySet()) if (!columns.contains(k)) columns.add(k);
        StringBuilder out = new StringBuilder(String.join(",", columns)).append('\n');
        for (Map<String, Double> r : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) out.append(',');
                Double v = r.get(columns.get(i));
                if (v != null) out.append(columns.get(i).equals("epoch") ? Long.toString(Math.round(v)) : org.mlopt.util.Json.number(v));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private void write(String name, String content) {
        try {
            AtomicFiles.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
