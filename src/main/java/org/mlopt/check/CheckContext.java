package org.mlopt.check;

import org.mlopt.ast.Name;
import org.mlopt.diag.Diagnostics;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Registry;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The state shared by the checker's rule classes while they walk one script. */
final class CheckContext {

    final Registry registry;
    final Diagnostics diagnostics;
    final Path baseDir;
    final SymbolTable symbols = new SymbolTable();
    /** Datasets whose shape is known; a name declared but missing here is unknown (an error was reported). */
    final Map<String, DatasetInfo> datasets = new LinkedHashMap<>();
    final Map<String, ModelState> models = new LinkedHashMap<>();
    /** Component uses of loss/optimizer/regularizer/schedule declarations, by declared name. */
    final Map<String, Resolved> declarations = new HashMap<>();
    /** Files the script saves models to, so a later load of one is not a missing file. */
    final Map<Path, ModelState> saved = new HashMap<>();
    /** Datasets whose feature count is unknown (one-hot encoding widens them by the data's values). */
    final java.util.Set<String> unknownWidth = new java.util.HashSet<>();
    /** Every component use resolved so far, keyed by the expression that names it. */
    final Map<org.mlopt.ast.Expr, Resolved> resolutions = new java.util.IdentityHashMap<>();
    /** Index of the statement being checked. */
    int statement;
    /** The program's statements, in order; {@code statement} indexes them. */
    java.util.List<org.mlopt.ast.Statement> statements = java.util.List.of();

    CheckContext(Registry registry, Diagnostics diagnostics, Path baseDir) {
        this.registry = registry;
        this.diagnostics = diagnostics;
        this.baseDir = baseDir;
    }

    /** A dataset use: resolves the name (E201/E203/E204) and returns its info, or null when unknown. */
    DatasetInfo dataset(Name name, String role) {
        Symbol s = symbols.use(name, statement, SymbolTable.DATASETS, role, diagnostics);
        return s == null ? null : datasets.get(name.text());
    }

    /** A model use: resolves the name and returns its state, or null when unknown. */
    ModelState model(Name name, String role) {
        Symbol s = symbols.use(name, statement, SymbolTable.MODELS, role, diagnostics);
        return s == null ? null : models.get(name.text());
    }

    /** The component an expression was resolved to, or null. */
    Resolved resolved(org.mlopt.ast.Expr e) {
        return e == null ? null : resolutions.get(e);
    }

    /** The symbol kinds whose declarations stand for a component of this kind ({@code loss: ce}). */
    static Set<String> declarationKinds(Kind kind) {
        return switch (kind) {
            case LOSS -> Set.of("loss");
            case OPTIMIZER -> Set.of("optimizer");
            case REGULARIZER -> Set.of("regularizer");
            case SCHEDULE -> Set.of("schedule");
            case MODEL -> SymbolTable.MODELS;
            default -> Set.of();
        };
    }
}
