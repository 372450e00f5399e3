package org.mlopt.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C handling for long runs: the first interrupt asks the run to stop at the next batch and
 * keep what it finished; a second one exits at once.
 */
final class Interrupts {

    private Interrupts() {}

    static AtomicBoolean install(java.io.PrintWriter err) {
        AtomicBoolean requested = new AtomicBoolean();
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
                if (requested.getAndSet(true)) Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
                err.println();
                err.println("mlopt: stopping after the current batch (Ctrl-C again to quit at once)");
                err.flush();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // No signal support on this platform: Ctrl-C ends the process the usual way.
        }
        return requested;
    }
}
