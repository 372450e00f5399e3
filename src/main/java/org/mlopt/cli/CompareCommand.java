package org.mlopt.cli;

import org.mlopt.report.RunComparison;
import org.mlopt.report.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code mlopt compare RUN1 RUN2}: the settings that differ between two run folders and their metrics side by side. */
@Command(name = "compare", description = "Compare two run folders: the settings that differ and the metrics side by side.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN1", description = "The first run folder (runs/<script>-<time>).")
    String first;

    @Parameters(index = "1", paramLabel = "RUN2", description = "The second run folder.")
    String second;

    @Override
    public Integer call() throws UsageException {
        RunComparison c = RunComparison.of(read(first), read(second));
        PrintWriter out = spec.commandLine().getOut();
        out.print(c.render());
        out.flush();
        return ExitCode.OK;
    }

    private static RunRecord read(String folder) throws UsageException {
        try {
            return RunRecord.read(Path.of(folder));
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read run folder " + folder + ": " + e.getMessage());
        }
    }
}
