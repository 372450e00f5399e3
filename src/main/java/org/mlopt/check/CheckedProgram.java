package org.mlopt.check;

import org.mlopt.ast.Program;
import org.mlopt.diag.SourceText;

import java.nio.file.Path;
import java.util.Map;

/**
 * A program the checker accepted, with the side tables it computed. The AST is never mutated;
 * everything learned about it lives here, keyed by name.
 *
 * @param baseDir the folder the script's relative paths resolve against (the script's own folder)
 */
public record CheckedProgram(Program ast, SourceText source, Path baseDir, Map<String, Symbol> symbols,
                             Map<String, DatasetInfo> datasets, Map<String, ModelInfo> models) {

    public CheckedProgram {
        symbols = Map.copyOf(symbols);
        datasets = Map.copyOf(datasets);
        models = Map.copyOf(models);
    }
}
