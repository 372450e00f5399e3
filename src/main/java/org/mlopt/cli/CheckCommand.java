package org.mlopt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mlopt check FILE...}: report every error of every script, run nothing. */
@Command(name = "check", description = "Check scripts for errors without running them.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scripts to check.")
    List<String> files;

    @Override
    public Integer call() throws UsageException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (String f : files) if (Frontend.check(ScriptFile.read(f), err) == null) failed++;
        if (failed > 0) return ExitCode.SCRIPT_ERRORS;
        out.println("ok: " + files.size() + (files.size() == 1 ? " script" : " scripts") + " checked, no errors");
        return ExitCode.OK;
    }
}
