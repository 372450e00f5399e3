package org.mlopt.lsp;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.mlopt.parse.Lexing;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Param;
import org.mlopt.schema.Registry;
import org.mlopt.schema.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completion from the cursor's context: statement keywords at the start of a line; a call's
 * parameter names inside its parentheses; a block's setting names; and where a value goes,
 * what its type admits — components of the expected kinds, declared names, choices, booleans.
 */
final class CompletionProvider {

    private final Registry registry;

    CompletionProvider(Registry registry) {
        this.registry = registry;
    }

    List<CompletionItem> complete(Document doc, Position position) {
        int offset = doc.lines().offset(position);
        CursorContext ctx = CursorContext.at(doc, offset, registry);
        if (ctx.inCommentOrString()) return List.of();
        Map<String, CompletionItem> items = new LinkedHashMap<>();
        CursorContext.Frame frame = ctx.inner();
        if (frame.kind == CursorContext.FrameKind.TOP && ctx.atLineStart()) {
            for (String keyword : Lexing.statementKeywords()) add(items, keyword(keyword));
            return new ArrayList<>(items.values());
        }
        if (ctx.atKey()) keys(ctx, frame, items, doc);
        ctx.dottedOwner().ifPresent(owner -> owner.params().forEach(p -> add(items, param(p, owner))));
        Type expected = ctx.expectedValue();
        if (expected != null) values(expected, items);
        for (Declarations.Declaration d : doc.declarations().ofKinds(ctx.expectedDeclarations())) add(items, declared(d, doc));
        ctx.connectingWord().ifPresent(word -> add(items, keyword(word)));
        return new ArrayList<>(items.values());
    }

    private void keys(CursorContext ctx, CursorContext.Frame frame, Map<String, CompletionItem> items, Document doc) {
        if (frame.kind == CursorContext.FrameKind.SPACE) {
            spaceKeys(ctx, frame, items, doc);
            return;
        }
        if (frame.component != null) for (Param p : frame.component.params()) add(items, param(p, frame.component));
        if (frame.kind == CursorContext.FrameKind.BLOCK && "search".equals(ctx.statement()) && frame.component != null
                && frame.component.name().equals("search")) add(items, keyword("space"));
    }

    /**
     * Keys of a search space: the searched model's own parameters, and the heads of dotted paths
     * ({@code opt.lr}, {@code train.epochs}, {@code prune.sparsity}): declared components, {@code train},
     * {@code prune} and {@code distill}.
     */
    private static void spaceKeys(CursorContext ctx, CursorContext.Frame frame, Map<String, CompletionItem> items, Document doc) {
        if (frame.component != null) for (Param p : frame.component.params()) add(items, param(p, frame.component));
        for (Declarations.Declaration d : doc.declarations().all())
            if (d.component() != null && !d.kind().equals("data")) add(items, declared(d, doc));
        add(items, keyword("train"));
        // Settings of the model's prune or distill statement, which every trial then replays.
        add(items, keyword("prune"));
        add(items, keyword("distill"));
    }

    private void values(Type type, Map<String, CompletionItem> items) {
        for (Kind kind : Types.componentKinds(type))
            for (Component c : registry.all(kind)) add(items, component(c));
        collectLiterals(type, items);
    }

    private static void collectLiterals(Type type, Map<String, CompletionItem> items) {
        if (type instanceof Type.Choice choice) {
            for (String v : choice.values()) add(items, item(v, CompletionItemKind.EnumMember, type.describe(), null));
        } else if (type instanceof Type.Bool) {
            for (String v : Lexing.booleans()) add(items, item(v, CompletionItemKind.Value, "true or false", null));
        } else if (type instanceof Type.ListOf l) {
            collectLiterals(l.element(), items);
        } else if (type instanceof Type.AnyOf any) {
            for (Type t : any.options()) collectLiterals(t, items);
        }
    }

    private static CompletionItem keyword(String word) {
        return item(word, CompletionItemKind.Keyword, "keyword", null);
    }

    private static CompletionItem param(Param p, Component owner) {
        CompletionItem item = item(p.name(), CompletionItemKind.Property, p.type().describe(),
                ComponentDocs.param(p, ComponentDocs.owner(owner)));
        item.setInsertText(p.name() + ": ");
        return item;
    }

    private static CompletionItem component(Component c) {
        return item(c.name(), CompletionItemKind.Function, c.kind().label(), ComponentDocs.component(c));
    }

    private static CompletionItem declared(Declarations.Declaration d, Document doc) {
        int line = doc.lines().range(d.nameToken().span()).getStart().getLine() + 1;
        return item(d.name(), CompletionItemKind.Variable, d.kind() + " declared on line " + line,
                "```mlopt\n" + d.statementText() + "\n```");
    }

    private static CompletionItem item(String label, CompletionItemKind kind, String detail, String markdown) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setDetail(detail);
        if (markdown != null) item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, markdown));
        return item;
    }

    /** Keeps the first item per label: a declared name shadows nothing it is not. */
    private static void add(Map<String, CompletionItem> items, CompletionItem item) {
        items.putIfAbsent(item.getLabel(), item);
    }
}
