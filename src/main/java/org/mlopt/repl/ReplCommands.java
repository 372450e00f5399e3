package org.mlopt.repl;

import org.mlopt.check.CheckResult;
import org.mlopt.diag.Suggest;
import org.mlopt.format.FormatResult;
import org.mlopt.format.Formatter;
import org.mlopt.plan.Planner;
import org.mlopt.plan.PlanText;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The REPL's {@code :commands}. */
final class ReplCommands {

    /** Every command with its argument and a line of help, in the order {@code :help} lists them. */
    static final Map<String, String> HELP = help();

    private final ReplSession session;

    ReplCommands(ReplSession session) {
        this.session = session;
    }

    private static Map<String, String> help() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(":help", "this list");
        m.put(":load FILE", "run a script's statements into the session (its paths resolve against its folder)");
        m.put(":check", "check the session script again");
        m.put(":plan", "show the execution plan of the session");
        m.put(":show NAME", "what NAME is: a dataset's shape, a model's layers and metrics, a component's parameters");
        m.put(":list", "the session's statements");
        m.put(":reset", "forget every statement and result");
        m.put(":save FILE", "write the session as a formatted script that 'mlopt run' runs");
        m.put(":quit", "leave (Ctrl-D does too)");
        return m;
    }

    /** The command words, for completion. */
    static List<String> names() {
        return HELP.keySet().stream().map(k -> k.split(" ")[0]).toList();
    }

    ReplSession.Outcome run(String line) {
        String[] parts = line.strip().split("\\s+", 2);
        String command = parts[0];
        String arg = parts.length > 1 ? parts[1].strip() : "";
        PrintWriter out = session.out();
        PrintWriter err = session.err();
        switch (command) {
            case ":help", ":h", ":?" -> {
                out.println("Type statements to check and run them; a declared name alone shows it.");
                for (Map.Entry<String, String> e : HELP.entrySet()) out.printf("  %-12s %s%n", e.getKey(), e.getValue());
                return ReplSession.Outcome.DONE;
            }
            case ":quit", ":q", ":exit" -> {
                return ReplSession.Outcome.QUIT;
            }
            case ":reset" -> {
                session.reset();
                out.println("session cleared");
                return ReplSession.Outcome.DONE;
            }
            case ":list" -> {
                out.print(session.script());
                return ReplSession.Outcome.DONE;
            }
            case ":check" -> {
                CheckResult r = session.checkSession();
                if (!r.ok()) return ReplSession.Outcome.REJECTED;
                out.println("ok: " + r.program().ast().statements().size() + " statements, no errors");
                return ReplSession.Outcome.DONE;
            }
            case ":plan" -> {
                if (session.program() == null) {
                    out.println("the session is empty");
                    return ReplSession.Outcome.DONE;
                }
                out.print(PlanText.render(Planner.plan(session.program(), session.seed())));
                return ReplSession.Outcome.DONE;
            }
            case ":show" -> {
                if (arg.isEmpty()) return usage(":show NAME");
                return session.show(arg);
            }
            case ":load" -> {
                if (arg.isEmpty()) return usage(":load FILE");
                return load(arg);
            }
            case ":save" -> {
                if (arg.isEmpty()) return usage(":save FILE");
                return save(arg);
            }
            default -> {
                err.println("unknown command " + command);
                for (String note : Suggest.note(command, names())) err.println("  = " + note);
                err.println("  = :help lists the commands");
                return ReplSession.Outcome.REJECTED;
            }
        }
    }

    private ReplSession.Outcome usage(String form) {
        session.err().println("usage: " + form);
        return ReplSession.Outcome.REJECTED;
    }

    private ReplSession.Outcome load(String name) {
        Path file = session.baseDir().resolve(unquote(name)).normalize();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            session.err().println("cannot read " + name + ": " + describe(e));
            return ReplSession.Outcome.REJECTED;
        }
        Path folder = file.getParent() == null ? session.baseDir() : file.getParent();
        return session.enter(PathRebase.rebase(text, folder, session.baseDir()), name);
    }

    private ReplSession.Outcome save(String name) {
        Path file = session.baseDir().resolve(unquote(name)).normalize();
        Path folder = file.getParent() == null ? session.baseDir() : file.getParent();
        String script = PathRebase.rebase(session.script(), session.baseDir(), folder);
        FormatResult formatted = Formatter.format(name, script);
        String text = formatted.text().orElse(script);
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            session.err().println("cannot write " + name + ": " + describe(e));
            return ReplSession.Outcome.REJECTED;
        }
        int count = text.isBlank() ? 0 : org.mlopt.parse.ScriptParser.parse(name, text).program().statements().size();
        session.out().println("saved " + count + " statements to " + name);
        return ReplSession.Outcome.DONE;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
