package org.mlopt.lsp;

import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.mlopt.schema.Registry;

import java.util.List;
import java.util.Optional;

/** Go to definition: a declared name used anywhere leads to the name in its declaring statement. */
final class DefinitionProvider {

    private final Registry registry;

    DefinitionProvider(Registry registry) {
        this.registry = registry;
    }

    List<Location> definition(Document doc, Position position) {
        WordAt at = WordAt.find(doc.tokens(), doc.lines().offset(position));
        if (at == null) return List.of();
        if (at.nextIs(":")) {
            // A setting or argument name is not a use of a declared name (split parts are their own declarations).
            CursorContext ctx = CursorContext.at(doc, at.word().start(), registry);
            if (ctx.inner().kind != CursorContext.FrameKind.TOP) return List.of();
        }
        Optional<Declarations.Declaration> d = doc.declarations().find(at.word().text());
        return d.map(decl -> List.of(new Location(doc.uri(), doc.lines().range(decl.nameToken().span())))).orElse(List.of());
    }
}
