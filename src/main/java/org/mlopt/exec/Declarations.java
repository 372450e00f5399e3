package org.mlopt.exec;

import org.mlopt.ast.Program;
import org.mlopt.ast.Statement;
import org.mlopt.schema.Kind;

import java.util.HashMap;
import java.util.Map;

/** The declarations of a program by name: models and networks, and the declared components a binder resolves. */
final class Declarations {

    private final Map<String, Statement> byName = new HashMap<>();
    private final Map<String, Binder.Declared> components = new HashMap<>();
    private final Program program;

    Declarations(Program program) {
        this.program = program;
        for (Statement s : program.statements()) {
            s.declared().ifPresent(n -> byName.put(n.text(), s));
            if (s instanceof Statement.Decl d) components.put(d.name().text(), new Binder.Declared(kind(d.kind()), d.spec()));
            if (s instanceof Statement.Split sp)
                for (Statement.SplitPart p : sp.parts()) byName.put(p.name().text(), s);
        }
    }

    private static Kind kind(Statement.DeclKind k) {
        return switch (k) {
            case LOSS -> Kind.LOSS;
            case OPTIMIZER -> Kind.OPTIMIZER;
            case REGULARIZER -> Kind.REGULARIZER;
            case SCHEDULE -> Kind.SCHEDULE;
        };
    }

    Statement get(String name) {
        return byName.get(name);
    }

    /** The last {@code train MODEL ...} before {@code stop}: the recipe a search, prune or distill follows. */
    Statement.Train lastTrainBefore(String model, Statement stop) {
        return lastBefore(Statement.Train.class, t -> t.target().text().equals(model), stop);
    }

    /** The last prune statement on {@code model} before {@code stop}, or null. */
    Statement.Prune lastPruneBefore(String model, Statement stop) {
        return lastBefore(Statement.Prune.class, p -> p.target().text().equals(model), stop);
    }

    /** The last distill statement into {@code student} before {@code stop}, or null. */
    Statement.Distill lastDistillBefore(String student, Statement stop) {
        return lastBefore(Statement.Distill.class, d -> d.student().text().equals(student), stop);
    }

    private <T extends Statement> T lastBefore(Class<T> kind, java.util.function.Predicate<T> matches, Statement stop) {
        T found = null;
        for (Statement st : program.statements()) {
            if (st == stop) break;
            if (kind.isInstance(st) && matches.test(kind.cast(st))) found = kind.cast(st);
        }
        return found;
    }

    Map<String, Binder.Declared> components() {
        return components;
    }
}
