package org.mlopt.cli;

import org.mlopt.check.CheckResult;
import org.mlopt.plan.ExecutionGraph;
import org.mlopt.plan.PlanDot;
import org.mlopt.plan.PlanText;
import org.mlopt.plan.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code mlopt plan FILE [--dot]}: show what a run would do, run nothing. */
@Command(name = "plan", description = "Show the execution plan of a script: steps, shapes, fits and cost.")
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dot", description = "Print the plan as a Graphviz DOT graph.")
    boolean dot;

    @Option(names = "--seed", paramLabel = "N", description = "The run's seed (default ${DEFAULT-VALUE}).", defaultValue = "0")
    long seed;

    @Parameters(paramLabel = "FILE", description = "The script to plan.")
    String file;

    @Override
    public Integer call() throws UsageException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CheckResult checked = Frontend.check(ScriptFile.read(file), err);
        if (checked == null) return ExitCode.SCRIPT_ERRORS;
        ExecutionGraph graph = Planner.plan(checked.program(), seed);
        out.print(dot ? PlanDot.render(graph) : PlanText.render(graph));
        out.flush();
        return ExitCode.OK;
    }
}
