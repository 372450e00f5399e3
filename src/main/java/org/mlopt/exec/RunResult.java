package org.mlopt.exec;

import java.util.List;

/**
 * Everything a run did: results of the executed steps in order, and the steps it did not execute
 * (with why), so nothing is silently skipped.
 */
public record RunResult(String script, long seed, List<StepResult> steps, List<String> notExecuted, boolean cancelled) {

    public RunResult {
        steps = List.copyOf(steps);
        notExecuted = List.copyOf(notExecuted);
    }
}
