package org.mlopt.exec;

import org.mlopt.plan.Step;

/** What a run tells the outside world while it goes: progress for terminals, nothing for JSON. */
public interface RunListener {

    default void stepStarted(Step step) {}

    /** One training epoch finished; {@code metrics} holds loss and any validation figures. */
    default void epoch(Step step, int epoch, int epochs, java.util.Map<String, Double> metrics) {}

    default void stepFinished(Step step, StepResult result) {}

    /** A search trial finished (all its folds): for a live table of trials. */
    default void trial(Step step, org.mlopt.search.TrialResult trial, java.util.List<String> objectives) {}

    /** A step the runtime does not execute yet. */
    default void stepSkipped(Step step, String reason) {}

    RunListener SILENT = new RunListener() {};
}
