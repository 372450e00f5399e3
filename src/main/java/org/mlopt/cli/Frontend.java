package org.mlopt.cli;

import org.mlopt.check.CheckResult;
import org.mlopt.check.Checker;
import org.mlopt.check.Overrides;
import org.mlopt.diag.DiagnosticPrinter;
import org.mlopt.diag.Diagnostics;
import org.mlopt.diag.SourceText;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;

import java.io.PrintWriter;
import java.util.List;

/** Reads, parses, applies overrides to and checks one script, printing every diagnostic found. */
final class Frontend {

    private Frontend() {}

    /** The checked script, or null after printing its errors. */
    static CheckResult check(ScriptFile file, PrintWriter err) {
        return check(file, List.of(), err);
    }

    static CheckResult check(ScriptFile file, List<String> overrides, PrintWriter err) {
        ParseResult parsed = ScriptParser.parse(file.source());
        if (!parsed.ok()) {
            report(file.source(), parsed.diagnostics(), err);
            return null;
        }
        if (!overrides.isEmpty()) {
            Overrides.Result changed = Overrides.apply(parsed.program(), overrides);
            if (!changed.ok()) {
                report(file.source(), changed.diagnostics(), err);
                return null;
            }
            parsed = new ParseResult(parsed.source(), changed.program(), parsed.diagnostics());
        }
        CheckResult checked = Checker.check(parsed, file.baseDir());
        report(file.source(), checked.diagnostics(), err);
        return checked.ok() ? checked : null;
    }

    static void report(SourceText source, Diagnostics diagnostics, PrintWriter err) {
        err.print(DiagnosticPrinter.renderAll(source, diagnostics));
        int errors = diagnostics.errorCount();
        if (errors > 0) err.println(errors + (errors == 1 ? " error" : " errors") + " in " + source.name()
                + (diagnostics.dropped() > 0 ? " (" + diagnostics.dropped() + " not shown)" : ""));
        err.flush();
    }
}
