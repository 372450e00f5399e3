package org.mlopt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The {@code mlopt} command. Every path out of here is an exit code from {@link ExitCode}. */
@Command(name = "mlopt",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "A language for machine-learning training and optimisation experiments.",
        subcommands = {CheckCommand.class, PlanCommand.class, RunCommand.class, FmtCommand.class, LspCommand.class, ReplCommand.class, CompareCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0   success", "  1   runtime failure (bad data, diverging run, I/O)", "  2   the script has errors",
                "  64  usage error", "  70  internal error (please report it)", "  130 interrupted"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams; used by tests and the launcher alike. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            errWriter.println("mlopt: " + ex.getMessage());
            errWriter.println("Try 'mlopt help" + commandName(ex.getCommandLine()) + "' for more information.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException) {
                errWriter.println("mlopt: " + ex.getMessage());
                return ExitCode.USAGE;
            }
            errWriter.println("mlopt: internal error: " + ex);
            errWriter.println("This is a bug in mlopt. Please report it with the script that caused it.");
            if (System.getenv("MLOPT_DEBUG") != null) ex.printStackTrace(errWriter);
            else errWriter.println("(set MLOPT_DEBUG=1 to see the details)");
            return ExitCode.INTERNAL;
        });
        try {
            int code = cli.execute(args.length == 0 ? new String[] {"repl"} : args);
            outWriter.flush();
            errWriter.flush();
            return code;
        } catch (Throwable t) {
            errWriter.println("mlopt: internal error: " + t);
            errWriter.flush();
            return ExitCode.INTERNAL;
        }
    }

    private static String commandName(CommandLine cl) {
        return cl.getParent() == null ? "" : " " + cl.getCommandName();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
