package org.mlopt.repl;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** A session rooted at {@code examples/} with its output captured. */
final class SessionFixture {

    static final Path EXAMPLES = Path.of("examples").toAbsolutePath();
    static final String IRIS = "data iris = csv(\"data/iris.csv\", target: \"species\")\n";
    static final String SPLIT = "split iris -> train: 0.7, test: 0.3 { stratify: true, seed: 0 }\n";

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final ReplSession session = new ReplSession(EXAMPLES, 0, 1, new PrintWriter(out, true), new PrintWriter(err, true), false);

    ReplSession.Outcome enter(String input) {
        return session.submit(input);
    }

    /** Output and errors written since the last call. */
    String out() {
        String s = out.toString();
        out.getBuffer().setLength(0);
        return s;
    }

    String err() {
        String s = err.toString();
        err.getBuffer().setLength(0);
        return s;
    }
}
