package org.mlopt.cli;

import org.mlopt.diag.Diagnostics;
import org.mlopt.format.FormatResult;
import org.mlopt.format.Formatter;
import org.mlopt.util.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mlopt fmt FILE... [--check]}: rewrite scripts in the canonical layout. */
@Command(name = "fmt", description = "Rewrite scripts in the canonical layout (comments are kept).")
final class FmtCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--check", description = "Change nothing; exit 1 when a file is not formatted.")
    boolean check;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scripts to format.")
    List<String> files;

    @Override
    public Integer call() throws UsageException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean syntaxErrors = false;
        int unformatted = 0;
        for (String f : files) {
            ScriptFile script = ScriptFile.read(f);
            FormatResult result = Formatter.format(f, script.source().text());
            if (!result.ok()) {
                Diagnostics d = new Diagnostics();
                d.addAll(result.diagnostics());
                Frontend.report(script.source(), d, err);
                syntaxErrors = true;
            } else if (result.changed()) {
                unformatted++;
                if (check) out.println("not formatted: " + f);
                else {
                    AtomicFiles.write(Path.of(f), result.text().get());
                    out.println("formatted: " + f);
                }
            }
        }
        if (syntaxErrors) return ExitCode.SCRIPT_ERRORS;
        return check && unformatted > 0 ? ExitCode.RUNTIME_FAILURE : ExitCode.OK;
    }
}
