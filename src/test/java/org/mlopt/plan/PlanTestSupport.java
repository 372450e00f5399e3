package org.mlopt.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small helpers shared by the planner tests. */
final class PlanTestSupport {

    private PlanTestSupport() {}

    static ExecutionGraph planResource(String name) {
        try {
            String text = Files.readString(Path.of("src/test/resources/plan", name));
            return Planner.plan(CheckedFixture.check(name, text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExecutionGraph plan(String script) {
        return Planner.plan(CheckedFixture.check("test.mlopt", script));
    }

    static List<Step> steps(ExecutionGraph g, StepKind kind) {
        return g.steps().stream().filter(s -> s.kind() == kind).toList();
    }

    static StepGroup onlyGroup(ExecutionGraph g) {
        if (g.groups().size() != 1) throw new AssertionError("expected one search group, got " + g.groups());
        return g.groups().get(0);
    }
}
