package org.mlopt.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects steps and artifacts while statements are planned. A script name (a dataset, a model)
 * maps to its current artifact; when a step changes it (preprocessing, retraining, pruning) the
 * name moves to a new version ({@code clf}, {@code clf#2}, ...), so every artifact is written once.
 */
final class GraphBuilder {

    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Artifact> artifacts = new LinkedHashMap<>();
    private final Map<String, String> current = new HashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private final List<StepGroup> groups = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** The artifact a name currently refers to. */
    Optional<String> current(String name) {
        return Optional.ofNullable(current.get(name));
    }

    Artifact artifact(String id) {
        return artifacts.get(id);
    }

    /** A new version of {@code name}, which becomes its current artifact. */
    String produce(String name, ArtifactKind kind, String description, Shape shape) {
        int version = versions.merge(name, 1, Integer::sum);
        String id = version == 1 ? name : name + "#" + version;
        declare(new Artifact(id, kind, description, shape, false));
        current.put(name, id);
        return id;
    }

    /** An artifact with a fixed id that no script name refers to (scores, teacher outputs, files written). */
    String internal(String id, ArtifactKind kind, String description, Shape shape) {
        declare(new Artifact(id, kind, description, shape, false));
        return id;
    }

    /** An input that exists before the run; declared once however often it is read. */
    String external(String id, ArtifactKind kind, String description) {
        artifacts.putIfAbsent(id, new Artifact(id, kind, description, Shape.UNKNOWN, true));
        return id;
    }

    private void declare(Artifact a) {
        if (artifacts.putIfAbsent(a.id(), a) != null) throw new IllegalStateException("artifact declared twice: " + a.id());
    }

    void add(Step step) {
        steps.add(step);
    }

    void group(StepGroup group) {
        groups.add(group);
    }

    void warn(String message) {
        warnings.add(message);
    }

    /** Every artifact of a kind written so far, in order (what a report gathers). */
    List<String> written(ArtifactKind kind) {
        List<String> out = new ArrayList<>();
        for (Artifact a : artifacts.values()) if (a.kind() == kind && !a.external()) out.add(a.id());
        return out;
    }

    /** Sum of the known step estimates so far. */
    double totalFlops() {
        double total = 0;
        for (Step s : steps) total += Math.max(0, s.attributes().flops());
        return total;
    }

    ExecutionGraph build(String sourceName, long runSeed) {
        return new ExecutionGraph(sourceName, runSeed, steps, new ArrayList<>(artifacts.values()), groups, warnings);
    }
}
