package org.mlopt.check;

import org.mlopt.ast.Program;
import org.mlopt.ast.Statement;
import org.mlopt.diag.Diagnostics;
import org.mlopt.parse.ParseResult;
import org.mlopt.schema.Registry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The static checker: resolves names, validates every component use and settings block against
 * the registry's schemas, infers dataset and network shapes, and applies the task, leakage,
 * search-space and compression rules. Reports every error of a script at once; nothing runs.
 */
public final class Checker {

    private Checker() {}

    /** Checks with the components mlopt ships. */
    public static CheckResult check(ParseResult parsed, Path baseDir) {
        return check(parsed, baseDir, Registry.standard());
    }

    /**
     * @param parsed   the parser's result; a script that did not parse is returned unchecked with its syntax errors
     * @param baseDir  the folder relative file paths resolve against (the script's own folder)
     * @param registry the component schemas to check against
     */
    public static CheckResult check(ParseResult parsed, Path baseDir, Registry registry) {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.addAll(parsed.diagnostics().all());
        Program program = parsed.program();
        if (program == null || parsed.diagnostics().hasErrors()) return new CheckResult(null, diagnostics);

        CheckContext ctx = new CheckContext(registry, diagnostics, baseDir == null ? Path.of("") : baseDir);
        ctx.symbols.declareAll(program, diagnostics);
        StatementChecker statements = new StatementChecker(ctx);
        List<Statement> all = program.statements();
        ctx.statements = all;
        for (int i = 0; i < all.size(); i++) {
            ctx.statement = i;
            all.get(i).accept(statements);
        }
        if (diagnostics.hasErrors()) return new CheckResult(null, diagnostics);

        Map<String, ModelInfo> models = new LinkedHashMap<>();
        for (ModelState m : ctx.models.values()) models.put(m.name, m.toInfo());
        CheckedProgram checked = new CheckedProgram(program, parsed.source(), ctx.baseDir, ctx.symbols.all(), ctx.datasets, models,
                statements.spaces().searches(), ctx.resolutions);
        return new CheckResult(checked, diagnostics);
    }
}
