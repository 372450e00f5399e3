package org.mlopt.exec;

import org.mlopt.ast.Statement;
import org.mlopt.check.CheckedProgram;
import org.mlopt.plan.ExecutionGraph;
import org.mlopt.plan.Step;
import org.mlopt.schema.Registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an execution graph step by step. Each step reads its input artifacts and writes its
 * outputs; a step the runtime cannot execute yet is reported, never silently dropped, and so is
 * every step that needed its outputs.
 */
public final class Executor {

    private final CheckedProgram program;
    private final RunOptions options;
    private final RunListener listener;
    private final Map<String, Object> artifacts = new HashMap<>();
    private final List<StepResult> results = new ArrayList<>();
    private final List<String> notExecuted = new ArrayList<>();
    private final StepRunners runners;
    private final java.util.function.Consumer<RunResult> progress;
    private final StepCache cache;

    private Executor(CheckedProgram program, RunOptions options, RunListener listener,
                     java.util.function.Consumer<RunResult> progress, StepCache cache) {
        this.program = program;
        this.progress = progress;
        this.cache = cache;
        this.options = options;
        this.listener = listener;
        Declarations declarations = new Declarations(program.ast());
        Binder binder = new Binder(Registry.standard(), declarations.components());
        this.runners = new StepRunners(program, declarations, binder, options, listener);
    }

    /**
     * Runs every step it can, in order.
     *
     * @param progress called with the results so far after every step that produced one (the run
     *                 folder rewrites its files there, so an interrupted run keeps what it finished)
     */
    public static RunResult run(CheckedProgram program, ExecutionGraph graph, RunOptions options, RunListener listener,
                                java.util.function.Consumer<RunResult> progress) {
        return run(program, graph, options, listener, progress, StepCache.none());
    }

    /** As {@link #run(CheckedProgram, ExecutionGraph, RunOptions, RunListener, java.util.function.Consumer)}, reusing and filling {@code cache}. */
    public static RunResult run(CheckedProgram program, ExecutionGraph graph, RunOptions options, RunListener listener,
                                java.util.function.Consumer<RunResult> progress, StepCache cache) {
        return new Executor(program, options, listener, progress, cache).run(graph);
    }

    private RunResult run(ExecutionGraph graph) {
        boolean cancelled = false;
        java.util.Set<String> groupsRun = new java.util.HashSet<>();
        for (Step step : graph.steps()) {
            String unit = unitOf(step);
            if (unit != null && !groupsRun.add(unit)) continue;
            if (options.cancelled().getAsBoolean()) {
                cancelled = true;
                break;
            }
            Statement statement = program.ast().statements().get(step.statement());
            String missing = missingInput(graph, step);
            if (missing != null) {
                skip(step, "needs '" + missing + "', which an earlier step did not produce");
                continue;
            }
            String unsupported = runners.unsupported(step);
            if (unsupported != null) {
                skip(step, unsupported);
                continue;
            }
            String fingerprint = graph.fingerprint(step.id());
            StepCache.Entry cached = cache.get(fingerprint);
            StepResult result;
            if (cached != null) {
                for (int i = 0; i < step.outputs().size(); i++) artifacts.put(step.outputs().get(i), cached.outputs().get(i));
                result = cached.result();
            } else {
                listener.stepStarted(step);
                try {
                    if (step.group() != null)
                        result = runners.runSearch(unitSteps(graph, unit), (Statement.Search) statement, artifacts);
                    else if (unit != null)
                        result = runners.runCompression(unitSteps(graph, unit), statement, artifacts);
                    else
                        result = runners.run(step, statement, artifacts);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    // The numeric libraries reject bad values with messages written for users.
                    throw new RunFailure(step.span(), step.label() + ": " + e.getMessage(), null, e);
                }
                if (options.cancelled().getAsBoolean()) {
                    // A step cut short leaves nothing behind: its outputs would be half-made.
                    for (String out : step.outputs()) artifacts.remove(out);
                    cancelled = true;
                    break;
                }
                if (unit == null) {
                    List<Object> outputs = new ArrayList<>();
                    for (String out : step.outputs()) outputs.add(artifacts.get(out));
                    cache.put(fingerprint, new StepCache.Entry(outputs, result));
                }
            }
            if (result != null) {
                results.add(result);
                listener.stepFinished(step, result);
                progress.accept(snapshot(false));
            }
        }
        RunResult done = snapshot(cancelled);
        progress.accept(done);
        return done;
    }

    private RunResult snapshot(boolean cancelled) {
        return new RunResult(program.source().name(), options.seed(), results, notExecuted, cancelled);
    }

    /**
     * Steps that run together: a search's trials, folds and refit (its group), and the phases of a
     * prune or distill statement. Null for a step that runs alone.
     */
    private static String unitOf(Step step) {
        if (step.group() != null) return step.group();
        return switch (step.kind()) {
            case PRUNE, FINETUNE, TEACHER_OUTPUTS, DISTILL, BASELINE -> "statement:" + step.statement();
            default -> null;
        };
    }

    private static List<Step> unitSteps(ExecutionGraph graph, String unit) {
        List<Step> steps = new ArrayList<>();
        for (Step s : graph.steps()) if (unit.equals(unitOf(s))) steps.add(s);
        return steps;
    }

    private String missingInput(ExecutionGraph graph, Step step) {
        for (String in : step.inputs()) {
            org.mlopt.plan.Artifact a = graph.artifact(in);
            if ((a == null || !a.external()) && !artifacts.containsKey(in)) return in;
        }
        return null;
    }

    private void skip(Step step, String why) {
        String line = "line " + step.span().line() + ": " + step.label() + " — " + why;
        notExecuted.add(line);
        listener.stepSkipped(step, why);
    }
}
