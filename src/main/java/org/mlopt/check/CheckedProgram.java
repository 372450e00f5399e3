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
 * @param searches one entry per search statement, in source order
 */
public record CheckedProgram(Program ast, SourceText source, Path baseDir, Map<String, Symbol> symbols,
                             Map<String, DatasetInfo> datasets, Map<String, ModelInfo> models, List<SearchInfo> searches) {

    public CheckedProgram {
        symbols = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(symbols));
        datasets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(datasets));
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
        searches = List.copyOf(searches);
    }

    public CheckedProgram(Program ast, SourceText source, Path baseDir, Map<String, Symbol> symbols,
                          Map<String, DatasetInfo> datasets, Map<String, ModelInfo> models) {
        this(ast, source, baseDir, symbols, datasets, models, List.of());
    }
}
