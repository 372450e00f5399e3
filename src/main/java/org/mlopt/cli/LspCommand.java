package org.mlopt.cli;

import org.mlopt.lsp.LspMain;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code mlopt lsp}: a Language Server Protocol server on standard input and output. */
@Command(name = "lsp", description = "Serve the Language Server Protocol over stdin/stdout (for editors).")
final class LspCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        // The server must own the real standard output: it carries the protocol.
        return LspMain.run(System.in, System.out);
    }
}
