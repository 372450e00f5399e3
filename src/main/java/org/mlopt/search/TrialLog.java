package org.mlopt.search;

import org.mlopt.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A search's {@code trials.jsonl}: one JSON object per finished trial, appended as trials finish
 * (in completion order; the trial number orders them). A half-written last line, left by a killed
 * process, is ignored on reading. At the end of a search {@link #writeSummary} writes
 * {@code trials.csv} and {@code result.json} atomically.
 */
public final class TrialLog {

    public static final String FILE = "trials.jsonl";

    private final Path file;

    public TrialLog(Path folder) {
        this.file = folder.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** Removes a previous search's trials (a fresh run). */
    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized void append(TrialResult trial) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Json.write(toJson(trial)) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The finished trials recorded in {@code folder}, by trial number; empty when there is no log. */
    public static Map<Integer, TrialResult> read(Path folder) {
        Path file = folder.resolve(FILE);
        Map<Integer, TrialResult> out = new TreeMap<>();
        if (!Files.exists(file)) return out;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            try {
                TrialResult t = fromJson((Map<?, ?>) Json.read(line));
                out.put(t.number(), t);
            } catch (RuntimeException e) {
                if (i == lines.size() - 1) break;   // an interrupted final append
                throw new IllegalArgumentException(file + ", line " + (i + 1) + ": not a trial record (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    /** Writes {@code trials.csv} and {@code result.json} next to the log, each atomically. */
    public void writeSummary(SearchResult result) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            org.mlopt.util.AtomicFiles.write(folder.resolve("trials.csv"), TrialTable.csv(result));
            org.mlopt.util.AtomicFiles.write(folder.resolve("result.json"), Json.writePretty(result.toJson()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search summary in " + folder + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> toJson(TrialResult t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial", t.number());
        m.put("config", t.config().values());
        m.put("bracket", t.bracket());
        m.put("rung", t.rung());
        m.put("resource", t.resource().kind());
        m.put("amount", t.resource().amount());
        m.put("state", t.state().name().toLowerCase());
        m.put("message", t.message());
        m.put("seconds", t.seconds());
        List<Object> folds = new ArrayList<>();
        for (FoldResult f : t.folds()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("metrics", f.metrics());
            Map<String, Object> inter = new LinkedHashMap<>();
            f.intermediate().forEach((k, v) -> inter.put(Integer.toString(k), v));
            fm.put("intermediate", inter);
            fm.put("pruned", f.pruned());
            fm.put("error", f.error());
            fm.put("seconds", f.seconds());
            folds.add(fm);
        }
        m.put("folds", folds);
        return m;
    }

    static TrialResult fromJson(Map<?, ?> m) {
        Map<String, Object> config = new LinkedHashMap<>();
        ((Map<?, ?>) m.get("config")).forEach((k, v) -> config.put((String) k, ConfigValues.fromJson(v)));
        List<FoldResult> folds = new ArrayList<>();
        for (Object o : (List<?>) m.get("folds")) {
            Map<?, ?> f = (Map<?, ?>) o;
            Map<String, Double> metrics = new LinkedHashMap<>();
            ((Map<?, ?>) f.get("metrics")).forEach((k, v) -> metrics.put((String) k, number(v)));
            Map<Integer, Double> inter = new TreeMap<>();
            ((Map<?, ?>) f.get("intermediate")).forEach((k, v) -> inter.put(Integer.parseInt((String) k), number(v)));
            folds.add(new FoldResult(metrics, inter, Boolean.TRUE.equals(f.get("pruned")), (String) f.get("error"), number(f.get("seconds"))));
        }
        Resource resource = new Resource((String) m.get("resource"), number(m.get("amount")));
        return new TrialResult(((Number) m.get("trial")).intValue(), new Config(config), ((Number) m.get("bracket")).intValue(),
                ((Number) m.get("rung")).intValue(), resource, folds, number(m.get("seconds")));
    }

    private static double number(Object v) {
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
