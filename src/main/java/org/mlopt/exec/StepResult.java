package org.mlopt.exec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one executed statement produced, in the order the script asked for it.
 *
 * @param kind     the statement keyword or step kind in lower case ({@code train}, {@code evaluate})
 * @param subject  the model or dataset it is about
 * @param data     the dataset it used, or null
 * @param metrics  metric name (as written in the script) to value; a confusion matrix is a nested list
 * @param details  anything else worth reporting (epochs run, iterations, sizes), in insertion order
 * @param history  per-epoch figures for training steps, empty otherwise
 */
public record StepResult(String stepId, String kind, String subject, String data, Map<String, Object> metrics,
                         Map<String, Object> details, List<Map<String, Double>> history) {

    public StepResult {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        history = List.copyOf(history);
    }
}
