package org.mlopt.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The list of every component mlopt knows. Split by area into the {@code *Catalog} files of the
 * {@code org.mlopt.schema} package; this class only gathers them, in the order the language
 * reference presents them.
 */
final class Catalog {

    private Catalog() {}

    static List<Component> all() {
        List<Component> out = new ArrayList<>();
        out.addAll(DataCatalog.all());
        out.addAll(ModelCatalog.all());
        out.addAll(TrainingCatalog.all());
        out.addAll(SearchCatalog.all());
        out.addAll(CompressionCatalog.all());
        out.addAll(StatementCatalog.all());
        return out;
    }
}
