package org.mlopt.check;

import org.mlopt.ast.Program;
import org.mlopt.diag.SourceText;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A program the checker accepted, with the side tables it computed. The AST is never mutated;
 * everything learned about it lives here, keyed by name.
 *
 * @param baseDir  the folder the script's relative paths resolve against (the script's own folder)
 * @param searches    one entry per search statement, in source order
 * @param resolutions component uses by expression identity; read through {@link #resolution}
 */
public record CheckedProgram(Program ast, SourceText source, Path baseDir, Map<String, Symbol> symbols,
                             Map<String, DatasetInfo> datasets, Map<String, ModelInfo> models, List<SearchInfo> searches,
                             Map<org.mlopt.ast.Expr, Resolved> resolutions) {

    public CheckedProgram {
        symbols = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(symbols));
        datasets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(datasets));
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
        searches = List.copyOf(searches);
        resolutions = java.util.Collections.unmodifiableMap(new java.util.IdentityHashMap<>(resolutions));
    }

    /**
     * The component a call or bare name of the script resolved to, with its arguments by
     * parameter name; empty for expressions that are not component uses. Keyed by node identity.
     */
    public java.util.Optional<Resolved> resolution(org.mlopt.ast.Expr e) {
        return java.util.Optional.ofNullable(resolutions.get(e));
    }

    public CheckedProgram(Program ast, SourceText source, Path baseDir, Map<String, Symbol> symbols,
                          Map<String, DatasetInfo> datasets, Map<String, ModelInfo> models) {
        this(ast, source, baseDir, symbols, datasets, models, List.of(), Map.of());
    }
}
