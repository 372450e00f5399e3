package org.mlopt.check;

import org.mlopt.ast.Name;
import org.mlopt.ast.Program;
import org.mlopt.ast.Statement;
import org.mlopt.diag.Diagnostics;
import org.mlopt.diag.ErrorCode;
import org.mlopt.diag.Suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a script declares. Every declaration is collected first, so a use can tell "not
 * declared at all" (E201) from "declared further down" (E203).
 */
final class SymbolTable {

    /** Symbol kinds that name a dataset. */
    static final Set<String> DATASETS = Set.of("data", "split");
    /** Symbol kinds that name something that predicts. */
    static final Set<String> MODELS = Set.of("model", "network", "load");

    private final Map<String, Symbol> symbols = new LinkedHashMap<>();
    private final Map<String, Integer> declaredAt = new HashMap<>();

    /** Collects every declaration of the program, reporting names declared twice (E202). */
    void declareAll(Program program, Diagnostics diagnostics) {
        List<Statement> statements = program.statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (s instanceof Statement.Split split) {
                for (Statement.SplitPart part : split.parts()) declare(part.name(), "split", s, i, diagnostics);
            } else {
                int index = i;
                s.declared().ifPresent(n -> declare(n, s.keyword(), s, index, diagnostics));
            }
        }
    }

    private void declare(Name name, String kind, Statement by, int index, Diagnostics diagnostics) {
        Symbol previous = symbols.get(name.text());
        if (previous != null) {
            diagnostics.error(ErrorCode.E202, name.span(),
                    "'" + name.text() + "' is already declared (as " + article(previous.kind()) + " on line " + previous.span().line() + ")",
                    "help: give it another name");
            return;
        }
        symbols.put(name.text(), new Symbol(name.text(), kind, by, name.span()));
        declaredAt.put(name.text(), index);
    }

    Symbol get(String name) {
        return symbols.get(name);
    }

    /** Whether {@code name} is declared by a statement before the statement at {@code index}. */
    boolean visibleAt(String name, int index) {
        Integer at = declaredAt.get(name);
        return at != null && at < index;
    }

    Map<String, Symbol> all() {
        return symbols;
    }

    /**
     * Resolves a use of a name at statement {@code index}. {@code kinds} are the symbol kinds
     * allowed there (empty: any); {@code role} says what the statement needs ("a model to train").
     * Reports E201, E203 or E204 and returns null when the use is wrong.
     */
    Symbol use(Name name, int index, Set<String> kinds, String role, Diagnostics diagnostics) {
        Symbol s = symbols.get(name.text());
        if (s == null) {
            diagnostics.error(ErrorCode.E201, name.span(), "unknown name '" + name.text() + "'" + (role.isEmpty() ? "" : ": " + role + " is expected here"),
                    Suggest.note(name.text(), candidates(kinds)));
            return null;
        }
        if (!visibleAt(name.text(), index)) {
            diagnostics.error(ErrorCode.E203, name.span(),
                    "'" + name.text() + "' is used before it is declared (line " + s.span().line() + ")",
                    "help: move the declaration above this statement");
            return null;
        }
        if (!kinds.isEmpty() && !kinds.contains(s.kind())) {
            diagnostics.error(ErrorCode.E204, name.span(),
                    "'" + name.text() + "' is " + article(s.kind()) + ", but " + role + " is expected here",
                    Suggest.note(name.text(), candidates(kinds)));
            return null;
        }
        return s;
    }

    /** Declared names of the given kinds (all names when empty), for "did you mean". */
    List<String> candidates(Set<String> kinds) {
        List<String> out = new ArrayList<>();
        for (Symbol s : symbols.values()) if (kinds.isEmpty() || kinds.contains(s.kind())) out.add(s.name());
        return out;
    }

    static String article(String kind) {
        return switch (kind) {
            case "data" -> "a dataset";
            case "split" -> "a split part (dataset)";
            case "load" -> "a loaded model";
            case "optimizer" -> "an optimizer";
            default -> "a " + kind;
        };
    }
}
