package org.mlopt.cli;

/** The process exit codes mlopt documents (docs/cli.md); scripts and CI rely on them. */
public final class ExitCode {

    private ExitCode() {}

    /** Everything asked for was done. */
    public static final int OK = 0;
    /** The script was valid but running it failed (bad data, divergence, I/O). */
    public static final int RUNTIME_FAILURE = 1;
    /** The script has errors; nothing ran. */
    public static final int SCRIPT_ERRORS = 2;
    /** A command-line mistake: unknown option, missing file argument. */
    public static final int USAGE = 64;
    /** A bug in mlopt itself; the message asks for a report. */
    public static final int INTERNAL = 70;
    /** Interrupted by Ctrl-C; finished outputs are kept. */
    public static final int INTERRUPTED = 130;
}
