package org.mlopt.lsp;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.mlopt.schema.Component;
import org.mlopt.schema.Param;
import org.mlopt.schema.Registry;

import java.util.Optional;

/**
 * Hover text for the word under the cursor: a setting or argument name shows its parameter's doc,
 * type, default and range; a component name its doc and parameter table; a declared name its
 * declaration; a statement keyword the statement's settings.
 */
final class HoverProvider {

    private final Registry registry;

    HoverProvider(Registry registry) {
        this.registry = registry;
    }

    Hover hover(Document doc, Position position) {
        WordAt at = WordAt.find(doc.tokens(), doc.lines().offset(position));
        if (at == null) return null;
        String markdown = markdown(doc, at);
        if (markdown == null) return null;
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown), doc.lines().range(at.word().span()));
    }

    private String markdown(Document doc, WordAt at) {
        String name = at.word().text();
        CursorContext ctx = CursorContext.at(doc, at.word().start(), registry);
        CursorContext.Frame frame = ctx.inner();
        if (at.nextIs(":") && (ctx.atKey() || ctx.dottedOwner().isPresent())) {
            Optional<Component> owner = ctx.dottedOwner().or(() -> Optional.ofNullable(frame.component));
            Optional<Param> p = owner.flatMap(c -> c.param(name));
            if (p.isPresent()) return ComponentDocs.param(p.get(), ComponentDocs.owner(owner.get()));
        }
        if (at.nextIs("(")) {
            Optional<Component> c = Types.component(registry, name, ctx.expectedValue());
            if (c.isPresent()) return ComponentDocs.component(c.get());
        }
        Optional<Declarations.Declaration> declared = doc.declarations().find(name);
        if (declared.isPresent()) return declaration(doc, declared.get());
        Optional<Component> c = Types.component(registry, name, ctx.expectedValue());
        if (c.isPresent()) return ComponentDocs.component(c.get());
        if (TopLevelStatements.startsStatement(at.word())) return registry.statement(name).map(ComponentDocs::component).orElse(null);
        return null;
    }

    private String declaration(Document doc, Declarations.Declaration d) {
        int line = doc.lines().range(d.nameToken().span()).getStart().getLine() + 1;
        StringBuilder b = new StringBuilder();
        b.append("**").append(d.name()).append("** — ");
        if (d.splitOf() != null) b.append("part of the split of `").append(d.splitOf()).append('`');
        else b.append(d.kind());
        b.append(", declared on line ").append(line).append("\n\n```mlopt\n").append(d.statementText()).append("\n```\n");
        if (d.component() != null) {
            Optional<Component> c = Types.component(registry, d.component(), null);
            c.ifPresent(component -> b.append("\n`").append(component.name()).append("`: ").append(component.doc()).append('\n'));
        }
        return b.toString();
    }
}
