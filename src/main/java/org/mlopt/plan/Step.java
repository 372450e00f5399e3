package org.mlopt.plan;

import org.mlopt.ast.Span;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One unit of work. A runtime executes steps in the graph's order, reading the {@code inputs}
 * artifacts and writing the {@code outputs}; {@code settings} together with the inputs determine
 * the result, so {@link ExecutionGraph#fingerprint(String)} can key a cache on them.
 *
 * @param id        unique, stable across runs of the same script ({@code s5.t3.f2})
 * @param statement index of the statement the step comes from (0-based, source order)
 * @param span      the source span of that statement
 * @param group     the id of the search group the step belongs to, or null
 * @param seed      the derived seed for steps that need randomness ({@link SeedSequence})
 * @param settings  everything besides the inputs that decides the result, sorted by key
 */
public record Step(String id, StepKind kind, String label, List<String> inputs, List<String> outputs,
                   int statement, Span span, String group, OptionalLong seed,
                   SortedMap<String, String> settings, StepAttributes attributes) {

    public Step {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        settings = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(settings));
        if (seed == null) seed = OptionalLong.empty();
        if (attributes == null) attributes = StepAttributes.none();
    }

    public static Step of(String id, StepKind kind, String label, List<String> inputs, List<String> outputs,
                          int statement, Span span, String group, OptionalLong seed, Map<String, String> settings,
                          StepAttributes attributes) {
        return new Step(id, kind, label, inputs, outputs, statement, span, group, seed, new TreeMap<>(settings), attributes);
    }
}
