package org.mlopt.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled script: steps in a topological order (every input is external or written by an
 * earlier step), the artifacts between them, the search groups and the planner's warnings.
 * Immutable; the constructor rejects a graph that breaks these rules.
 */
public final class ExecutionGraph {

    private final String sourceName;
    private final long runSeed;
    private final List<Step> steps;
    private final Map<String, Artifact> artifacts;
    private final List<StepGroup> groups;
    private final List<String> warnings;
    private final Map<String, Step> byId = new HashMap<>();
    private final Map<String, Step> producers = new HashMap<>();
    private final Map<String, String> fingerprints = new HashMap<>();

    public ExecutionGraph(String sourceName, long runSeed, List<Step> steps, List<Artifact> artifacts,
                          List<StepGroup> groups, List<String> warnings) {
        this.sourceName = sourceName;
        this.runSeed = runSeed;
        this.steps = List.copyOf(steps);
        Map<String, Artifact> arts = new LinkedHashMap<>();
        for (Artifact a : artifacts)
            if (arts.put(a.id(), a) != null) throw new IllegalArgumentException("artifact declared twice: " + a.id());
        this.artifacts = Collections.unmodifiableMap(arts);
        this.groups = List.copyOf(groups);
        this.warnings = List.copyOf(warnings);
        validate();
        for (Step s : this.steps) fingerprints.put(s.id(), computeFingerprint(s));
    }

    private void validate() {
        for (Step s : steps) {
            if (byId.put(s.id(), s) != null) throw new IllegalArgumentException("step id used twice: " + s.id());
            for (String in : s.inputs()) {
                Artifact a = artifacts.get(in);
                if (a == null) throw new IllegalArgumentException("step " + s.id() + " reads undeclared artifact " + in);
                if (!a.external() && !producers.containsKey(in))
                    throw new IllegalArgumentException("step " + s.id() + " reads " + in + " before any step writes it");
            }
            for (String out : s.outputs()) {
                Artifact a = artifacts.get(out);
                if (a == null) throw new IllegalArgumentException("step " + s.id() + " writes undeclared artifact " + out);
                if (a.external()) throw new IllegalArgumentException("step " + s.id() + " writes external artifact " + out);
                if (producers.put(out, s) != null) throw new IllegalArgumentException("artifact written twice: " + out);
            }
        }
        for (StepGroup g : groups)
            for (String id : g.stepIds())
                if (!byId.containsKey(id)) throw new IllegalArgumentException("group " + g.id() + " lists unknown step " + id);
    }

    public String sourceName() { return sourceName; }

    public long runSeed() { return runSeed; }

    /** Steps in execution (topological) order. */
    public List<Step> steps() { return steps; }

    public Map<String, Artifact> artifacts() { return artifacts; }

    public List<StepGroup> groups() { return groups; }

    public List<String> warnings() { return warnings; }

    public Optional<Step> step(String id) { return Optional.ofNullable(byId.get(id)); }

    public Artifact artifact(String id) { return artifacts.get(id); }

    /** The step writing an artifact; empty for external ones. */
    public Optional<Step> producer(String artifactId) { return Optional.ofNullable(producers.get(artifactId)); }

    public Optional<StepGroup> group(String id) {
        for (StepGroup g : groups) if (g.id().equals(id)) return Optional.of(g);
        return Optional.empty();
    }

    /** Steps that read any output of {@code step}, in order. */
    public List<Step> consumers(Step step) {
        Set<String> outs = new HashSet<>(step.outputs());
        List<Step> out = new ArrayList<>();
        for (Step s : steps) for (String in : s.inputs()) if (outs.contains(in)) { out.add(s); break; }
        return out;
    }

    public int totalFits() {
        int n = 0;
        for (Step s : steps) n += s.attributes().fits();
        return n;
    }

    /** Sum of the known step estimates. */
    public double totalFlops() {
        double total = 0;
        for (Step s : steps) total += Math.max(0, s.attributes().flops());
        return total;
    }

    /**
     * A SHA-256 over the step's kind, settings and seed and the fingerprints of the steps that
     * wrote its inputs: equal fingerprints mean equal results, so a runtime may reuse a cached
     * output. External inputs enter by id only; a runtime adds the content hash of those files.
     */
    public String fingerprint(String stepId) {
        String f = fingerprints.get(stepId);
        if (f == null) throw new IllegalArgumentException("no step " + stepId);
        return f;
    }

    private String computeFingerprint(Step s) {
        StringBuilder b = new StringBuilder(s.kind().name()).append('\n');
        s.settings().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        s.seed().ifPresent(seed -> b.append("seed=").append(seed).append('\n'));
        for (String in : s.inputs()) {
            Step p = producers.get(in);
            b.append("in:").append(in).append('=').append(p == null ? "external" : fingerprints.get(p.id()) + "/" + p.outputs().indexOf(in)).append('\n');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
