package org.mlopt.repl;

import org.mlopt.exec.RunListener;
import org.mlopt.exec.StepResult;
import org.mlopt.plan.Step;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Passes progress on and remembers which steps ran now (cached steps never start). */
final class FreshSteps implements RunListener {
    final Set<String> started = new HashSet<>();
    final RunListener progress;
    Step last;

    FreshSteps(RunListener progress) {
        this.progress = progress;
    }

    @Override
    public void stepStarted(Step step) {
        started.add(step.id());
        last = step;
        progress.stepStarted(step);
    }

    @Override
    public void epoch(Step step, int epoch, int epochs, Map<String, Double> metrics) {
        progress.epoch(step, epoch, epochs, metrics);
    }

    @Override
    public void stepFinished(Step step, StepResult result) {
        if (started.contains(step.id())) progress.stepFinished(step, result);
    }

    @Override
    public void stepSkipped(Step step, String reason) {
        progress.stepSkipped(step, reason);
    }
}
