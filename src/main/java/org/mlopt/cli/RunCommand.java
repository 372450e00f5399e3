package org.mlopt.cli;

import org.mlopt.check.CheckResult;
import org.mlopt.diag.Diagnostic;
import org.mlopt.diag.DiagnosticPrinter;
import org.mlopt.diag.ErrorCode;
import org.mlopt.exec.Executor;
import org.mlopt.exec.RunFailure;
import org.mlopt.exec.RunFolder;
import org.mlopt.exec.RunJson;
import org.mlopt.exec.RunListener;
import org.mlopt.exec.RunOptions;
import org.mlopt.exec.RunResult;
import org.mlopt.plan.ExecutionGraph;
import org.mlopt.plan.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code mlopt run FILE}: check, plan and run a script. */
@Command(name = "run", description = "Check, plan and run a script.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The script to run (not needed with --resume).")
    String file;

    @Option(names = "--resume", paramLabel = "RUN_FOLDER",
            description = "Continue an interrupted run in its folder: finished search trials are not redone.")
    Path resume;

    @Option(names = "--json", description = "Print the results as one JSON object (docs/json.md) instead of tables.")
    boolean json;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The run's seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a parameter, e.g. --set opt.lr=0.01 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Worker threads (results do not depend on it).")
    int threads;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "Where run folders go (default ${DEFAULT-VALUE}).")
    Path runs;

    @Option(names = "--no-save", description = "Write no run folder.")
    boolean noSave;

    @Option(names = "--report", description = "Also write report.html (and plots/*.svg) into the run folder.")
    boolean report;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws UsageException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) throw new UsageException("--threads must be at least 1");
        RunFolder resumed = null;
        if (resume != null) {
            try {
                resumed = RunFolder.open(resume);
                Map<String, Object> info = resumed.readRunInfo();
                if (file == null) file = (String) info.get("script");
                seed = ((Number) info.get("seed")).longValue();
                overrides = new ArrayList<>();
                for (Object o : (List<Object>) info.get("overrides")) overrides.add((String) o);
            } catch (java.io.UncheckedIOException e) {
                throw new UsageException(e.getCause().getMessage());
            }
        }
        if (file == null) throw new UsageException("which script? give FILE or --resume RUN_FOLDER");
        ScriptFile script = ScriptFile.read(file);
        CheckResult checked = Frontend.check(script, overrides, err);
        if (checked == null) return ExitCode.SCRIPT_ERRORS;
        ExecutionGraph graph = Planner.plan(checked.program(), seed);
        // Large matrix products split their rows over the threads; every element is computed the same way on any count.
        int previousThreads = org.mlopt.tensor.MatMuls.threads();
        org.mlopt.tensor.MatMuls.setThreads(threads);
        try {
            return execute(checked, graph, script, resumed, err, out);
        } finally {
            org.mlopt.tensor.MatMuls.setThreads(previousThreads);
        }
    }

    private int execute(CheckResult checked, ExecutionGraph graph, ScriptFile script, RunFolder resumed, PrintWriter err,
                        PrintWriter out) {
        AtomicBoolean interrupted = Interrupts.install(err);
        RunFolder folder = resumed != null ? resumed : noSave ? null : RunFolder.create(runs, file, LocalDateTime.now());
        if (folder != null && resumed == null) {
            folder.writeScript(script.source().text(), seed, overrides);
            folder.writeRunInfo(Path.of(file), seed, overrides);
        }
        String version = Version.current();
        RunListener progress = quiet || json ? RunListener.SILENT : new ConsoleProgress(err, System.console() != null);
        try {
            RunResult result = Executor.run(checked.program(), graph, new RunOptions(seed, threads, overrides, interrupted::get,
                    folder == null ? null : folder.path()),
                    progress, r -> { if (folder != null) folder.writeProgress(r, version); });
            if (json) out.print(RunJson.render(result, version));
            else ResultTables.print(result, out);
            out.flush();
            for (var step : result.steps())
                if (step.details().get("warning") instanceof String w) err.println("warning: " + w);
            if (!result.notExecuted().isEmpty()) {
                err.println("not executed (" + result.notExecuted().size() + " steps):");
                for (String line : result.notExecuted()) err.println("  " + line);
            }
            if (report && folder != null) {
                try {
                    err.println("report: " + org.mlopt.report.ReportWriter.write(folder.path()));
                } catch (java.io.IOException e) {
                    err.println("mlopt: could not write the report: " + e.getMessage());
                }
            } else if (report) err.println("mlopt: --report needs a run folder; drop --no-save");
            if (folder != null && !json) err.println("run folder: " + folder.path());
            err.flush();
            return result.cancelled() ? ExitCode.INTERRUPTED : ExitCode.OK;
        } catch (RunFailure f) {
            err.print(DiagnosticPrinter.render(script.source(), new Diagnostic(org.mlopt.diag.Severity.ERROR, ErrorCode.R001,
                    f.span(), f.getMessage(), f.hint() == null ? List.of() : List.of("help: " + f.hint()))));
            if (folder != null) err.println("run folder (what finished before the failure): " + folder.path());
            err.flush();
            return ExitCode.RUNTIME_FAILURE;
        }
    }
}
