package org.mlopt.repl;

import org.mlopt.ast.Statement;
import org.mlopt.check.CheckResult;
import org.mlopt.check.CheckedProgram;
import org.mlopt.check.Checker;
import org.mlopt.cli.ConsoleProgress;
import org.mlopt.cli.ResultTables;
import org.mlopt.diag.Diagnostic;
import org.mlopt.diag.DiagnosticPrinter;
import org.mlopt.diag.ErrorCode;
import org.mlopt.diag.Severity;
import org.mlopt.diag.SourceText;
import org.mlopt.diag.Suggest;
import org.mlopt.exec.Executor;
import org.mlopt.exec.RunFailure;
import org.mlopt.exec.RunOptions;
import org.mlopt.exec.RunResult;
import org.mlopt.exec.StepCache;
import org.mlopt.exec.StepResult;
import org.mlopt.parse.LexToken;
import org.mlopt.parse.Lexing;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;
import org.mlopt.parse.TokenKind;
import org.mlopt.plan.ExecutionGraph;
import org.mlopt.plan.Planner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * An interactive session: the statements accepted so far, in order, and the results of running
 * them. Each input is parsed on its own, then checked together with everything accepted before;
 * an input with errors leaves the session unchanged. An accepted input is run by re-running the
 * whole session script with the session's {@link StepCache}, so only new or changed steps execute
 * and only their results are printed.
 *
 * <p>A declaration of a name the session already declares replaces the earlier declaration in
 * place (same position in the script), so everything that uses the name sees the new definition
 * and re-runs because its fingerprint changed. An input whose run fails or is cancelled is not
 * kept either: every statement in the session has run to completion.
 */
public final class ReplSession {

    /** What became of one input. */
    public enum Outcome {
        /** Blank or comment-only input. */
        NOTHING,
        /** Statements checked, accepted and run. */
        ACCEPTED,
        /** A name shown or a command done. */
        DONE,
        /** The input had errors (syntax, checks, unknown command or name); the session is unchanged. */
        REJECTED,
        /** The input checked but running it failed; the session is unchanged. */
        RUN_FAILED,
        /** Ctrl-C stopped the run; the session is unchanged. */
        CANCELLED,
        /** {@code :quit}. */
        QUIT
    }

    static final String INPUT_NAME = "<repl>";
    static final String SESSION_NAME = "<session>";

    private final Path baseDir;
    private final long seed;
    private final int threads;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final StepCache cache = new StepCache();
    private final ReplCommands commands;
    private final Set<String> reportedNotExecuted = new HashSet<>();
    private List<SessionScript.Piece> pieces = new ArrayList<>();
    private CheckedProgram checked;
    private Map<String, List<StepResult>> latestResults = new LinkedHashMap<>();
    private BooleanSupplier cancelled = () -> false;
    private boolean anyRejected;
    private boolean anyRunFailed;

    /**
     * @param baseDir  the folder relative paths resolve against (the working directory)
     * @param out      results, shown names and command output
     * @param err      diagnostics and progress
     * @param terminal whether progress may redraw a line (a real terminal)
     */
    public ReplSession(Path baseDir, long seed, int threads, PrintWriter out, PrintWriter err, boolean terminal) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.seed = seed;
        this.threads = threads;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.commands = new ReplCommands(this);
    }

    /** What a running step polls to stop early; Ctrl-C handling sets it for the duration of one input. */
    public void setCancelled(BooleanSupplier cancelled) {
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    /** Handles one complete input: a {@code :command}, a bare declared name, or statements. */
    public Outcome submit(String input) {
        Outcome o = dispatch(input);
        if (o == Outcome.REJECTED) anyRejected = true;
        if (o == Outcome.RUN_FAILED) anyRunFailed = true;
        out.flush();
        err.flush();
        return o;
    }

    private Outcome dispatch(String input) {
        String trimmed = input.strip();
        if (trimmed.isEmpty()) return Outcome.NOTHING;
        if (trimmed.startsWith(":")) return commands.run(trimmed);
        String bare = bareName(input);
        if (bare != null && (declarations().containsKey(bare) || !Lexing.statementKeywords().contains(bare))) return show(bare, input);
        return enter(input, INPUT_NAME);
    }

    /** The exit status of a non-interactive session: 2 if any input was rejected, else 1 if a run failed, else 0. */
    public int exitCode() {
        if (anyRejected) return 2;
        return anyRunFailed ? 1 : 0;
    }

    /** The session as one script, statements in order. */
    public String script() {
        return new SessionScript(pieces).text();
    }

    /** Declared names and their kinds ({@code data}, {@code split}, {@code network}, {@code optimizer}, ...). */
    public Map<String, String> declarations() {
        Map<String, String> out = new LinkedHashMap<>();
        if (checked != null) checked.symbols().forEach((name, symbol) -> out.put(name, symbol.kind()));
        return out;
    }

    /** The last checked session program, or null before anything was accepted. */
    CheckedProgram program() {
        return checked;
    }

    /** Results of the session's steps by subject (model or dataset), from the latest run. */
    Map<String, List<StepResult>> latestResults() {
        return latestResults;
    }

    Path baseDir() {
        return baseDir;
    }

    long seed() {
        return seed;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    void reset() {
        pieces = new ArrayList<>();
        checked = null;
        latestResults = new LinkedHashMap<>();
        reportedNotExecuted.clear();
        cache.clear();
    }

    Outcome show(String name) {
        return show(name, name);
    }

    /** Shows a declared name; {@code typed} is the input it came from, for pointing at it when it is unknown. */
    private Outcome show(String name, String typed) {
        if (checked == null || !checked.symbols().containsKey(name)) {
            int at = Math.max(0, typed.indexOf(name));
            SourceText source = new SourceText(INPUT_NAME, typed);
            Diagnostic unknown = Diagnostic.error(ErrorCode.E201,
                    SessionScript.shift(new org.mlopt.ast.Span(1, 1, 1, 1, at, at + name.length()), 0, typed),
                    "unknown name '" + name + "': nothing in this session declares it", Suggest.note(name, declarations().keySet()));
            err.print(DiagnosticPrinter.render(source, unknown));
            return Outcome.REJECTED;
        }
        out.print(new Inspector(checked, latestResults).describe(name));
        return Outcome.DONE;
    }

    /**
     * Parses {@code input}, checks it with the session and, when it is clean, runs it.
     *
     * @param name how diagnostics name the input ({@code <repl>}, or a loaded file)
     */
    Outcome enter(String input, String name) {
        SourceText typed = new SourceText(name, input);
        ParseResult parsed = ScriptParser.parse(typed);
        if (!parsed.ok()) {
            print(parsed.diagnostics().sorted(), null, typed);
            return Outcome.REJECTED;
        }
        List<Statement> statements = parsed.program().statements();
        if (statements.isEmpty()) return Outcome.NOTHING;

        SessionScript candidate = new SessionScript(merge(input, statements));
        SourceText session = new SourceText(SESSION_NAME, candidate.text());
        ParseResult whole = ScriptParser.parse(session);
        CheckResult result = Checker.check(whole, baseDir);
        print(result.diagnostics().sorted(), candidate, typed);
        if (!result.ok()) return Outcome.REJECTED;
        return run(candidate, result.program(), typed);
    }

    /** Check the session as it stands and print what the checker says. */
    CheckResult checkSession() {
        SessionScript current = new SessionScript(pieces);
        SourceText session = new SourceText(SESSION_NAME, current.text());
        CheckResult result = Checker.check(ScriptParser.parse(session), baseDir);
        print(result.diagnostics().sorted(), current, session);
        return result;
    }

    private List<SessionScript.Piece> merge(String input, List<Statement> statements) {
        List<SessionScript.Piece> merged = new ArrayList<>(pieces);
        int previousEnd = 0;
        for (Statement s : statements) {
            int start = previousEnd;
            while (start < s.span().startOffset() && Character.isWhitespace(input.charAt(start))) start++;
            int end = s.span().endOffset();
            previousEnd = end;
            SessionScript.Piece piece = new SessionScript.Piece(input.substring(start, end), declaredNames(s), start);
            int replaced = declaredEarlier(merged, piece.declares());
            if (replaced >= 0) merged.set(replaced, piece);
            else merged.add(piece);
        }
        return merged;
    }

    private static int declaredEarlier(List<SessionScript.Piece> merged, List<String> names) {
        for (int i = 0; i < merged.size(); i++) {
            SessionScript.Piece p = merged.get(i);
            if (p.fromInput()) continue;
            for (String n : names) if (p.declares().contains(n)) return i;
        }
        return -1;
    }

    static List<String> declaredNames(Statement s) {
        List<String> names = new ArrayList<>();
        if (s instanceof Statement.Split split) for (Statement.SplitPart part : split.parts()) names.add(part.name().text());
        s.declared().ifPresent(n -> names.add(n.text()));
        return names;
    }

    private Outcome run(SessionScript candidate, CheckedProgram program, SourceText typed) {
        ExecutionGraph graph = Planner.plan(program, seed);
        FreshSteps fresh = new FreshSteps(new ConsoleProgress(err, terminal));
        RunResult result;
        try {
            result = Executor.run(program, graph, new RunOptions(seed, threads, List.of(), cancelled), fresh, r -> { }, cache);
        } catch (RunFailure f) {
            print(List.of(new Diagnostic(Severity.ERROR, ErrorCode.R001, f.span(), f.getMessage(),
                    f.hint() == null ? List.of() : List.of("help: " + f.hint()))), candidate, typed);
            err.println("the input was not added to the session");
            return Outcome.RUN_FAILED;
        } catch (RuntimeException e) {
            err.println("mlopt: internal error: " + e);
            err.println("This is a bug in mlopt. Please report it with the statements that caused it.");
            return Outcome.RUN_FAILED;
        }
        if (result.cancelled()) {
            err.println();
            err.println("cancelled" + (fresh.last == null ? "" : ": " + fresh.last.label())
                    + " (the input was not added; the session is as it was)");
            return Outcome.CANCELLED;
        }
        pieces = SessionScript.acceptedCopy(candidate.pieces());
        checked = program;
        latestResults = bySubject(result.steps());
        List<StepResult> ranNow = new ArrayList<>();
        for (StepResult s : result.steps()) if (fresh.started.contains(s.stepId())) ranNow.add(s);
        ResultTables.print(new RunResult(result.script(), result.seed(), ranNow, List.of(), false), out);
        for (String line : result.notExecuted()) {
            if (reportedNotExecuted.add(line)) err.println("not executed: " + line);
        }
        return Outcome.ACCEPTED;
    }

    private static Map<String, List<StepResult>> bySubject(List<StepResult> steps) {
        Map<String, List<StepResult>> out = new LinkedHashMap<>();
        for (StepResult s : steps) out.computeIfAbsent(s.subject(), k -> new ArrayList<>()).add(s);
        return out;
    }

    private void print(List<Diagnostic> diagnostics, SessionScript script, SourceText typed) {
        SourceText session = script == null ? typed : new SourceText(SESSION_NAME, script.text());
        boolean inSession = false;
        for (Diagnostic d : diagnostics) {
            if (script == null) {
                err.print(DiagnosticPrinter.render(typed, d));
                continue;
            }
            SessionScript.Located where = script.locate(d.span(), typed, session);
            inSession |= where.source() == session && session != typed && d.isError();
            err.print(DiagnosticPrinter.render(where.source(), script.relocate(d, where)));
        }
        if (inSession)
            err.println("(" + SESSION_NAME + " lines count the session's statements as :list shows them; the input would break them, so it was not added)");
    }

    /** The word when the input is one name or keyword and nothing else (a declared name is shown, even {@code train}). */
    static String bareName(String input) {
        LexToken only = null;
        for (LexToken t : Lexing.tokens(input)) {
            if (t.isTrivia()) continue;
            if (only != null) return null;
            only = t;
        }
        return only != null && (only.kind() == TokenKind.IDENT || only.kind() == TokenKind.KEYWORD) ? only.text() : null;
    }
}
