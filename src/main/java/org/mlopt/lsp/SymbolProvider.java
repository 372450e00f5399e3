package org.mlopt.lsp;

import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;
import org.mlopt.ast.Name;
import org.mlopt.ast.Program;
import org.mlopt.ast.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outline: one symbol per declaration and per action statement, from the AST. While the
 * script does not parse, the declarations found in its tokens stand in.
 */
final class SymbolProvider {

    List<DocumentSymbol> symbols(Document doc) {
        Program program = doc.parse().program();
        List<DocumentSymbol> out = new ArrayList<>();
        if (program == null) {
            for (Declarations.Declaration d : doc.declarations().all()) {
                var range = doc.lines().range(d.nameToken().span());
                out.add(new DocumentSymbol(d.name(), kindOf(d.kind()), range, range, d.kind()));
            }
            return out;
        }
        for (Statement s : program.statements()) out.add(symbol(doc, s));
        return out;
    }

    private DocumentSymbol symbol(Document doc, Statement s) {
        var range = doc.lines().range(s.span());
        if (s.declared().isPresent()) {
            Name name = s.declared().get();
            return new DocumentSymbol(name.text(), kindOf(s.keyword()), range, doc.lines().range(name.span()), detail(s));
        }
        DocumentSymbol action = new DocumentSymbol(actionName(s), SymbolKind.Event, range, doc.lines().range(keywordSpan(s)), s.keyword());
        if (s instanceof Statement.Split split) {
            List<DocumentSymbol> parts = new ArrayList<>();
            for (Statement.SplitPart p : split.parts()) {
                var partRange = doc.lines().range(p.span());
                parts.add(new DocumentSymbol(p.name().text(), SymbolKind.Variable, partRange, doc.lines().range(p.name().span()),
                        "split part of " + split.dataset().text()));
            }
            action.setChildren(parts);
        }
        return action;
    }

    /** "train net on train", "evaluate a, b on test", "report". */
    private static String actionName(Statement s) {
        return s.accept(new ActionNames());
    }

    private static org.mlopt.ast.Span keywordSpan(Statement s) {
        org.mlopt.ast.Span span = s.span();
        int length = s.keyword().length();
        return new org.mlopt.ast.Span(span.line(), span.column(), span.line(), span.column() + length - 1,
                span.startOffset(), span.startOffset() + length);
    }

    private static String detail(Statement s) {
        if (s instanceof Statement.Decl d) return d.keyword() + " = " + d.spec().callee().text();
        if (s instanceof Statement.Model m) return "model = " + m.spec().callee().text();
        if (s instanceof Statement.Data d) return "data = " + d.source().callee().text();
        return s.keyword();
    }

    static SymbolKind kindOf(String keyword) {
        return switch (keyword) {
            case "data", "split" -> SymbolKind.Variable;
            case "model", "network", "load" -> SymbolKind.Class;
            case "loss", "regularizer" -> SymbolKind.Function;
            case "optimizer", "schedule" -> SymbolKind.Object;
            default -> SymbolKind.Variable;
        };
    }

    /** Names an action statement by its keyword and the names it acts on. */
    private static final class ActionNames implements Statement.Visitor<String> {
        public String visitData(Statement.Data s) { return "data " + s.name().text(); }
        public String visitSplit(Statement.Split s) { return "split " + s.dataset().text(); }
        public String visitPreprocess(Statement.Preprocess s) {
            return "preprocess " + s.steps().stream().map(c -> c.callee().text()).collect(Collectors.joining(", "))
                    + " fit " + s.fitOn().text();
        }
        public String visitModel(Statement.Model s) { return "model " + s.name().text(); }
        public String visitNetwork(Statement.Network s) { return "network " + s.name().text(); }
        public String visitDecl(Statement.Decl s) { return s.keyword() + " " + s.name().text(); }
        public String visitTrain(Statement.Train s) { return "train " + s.target().text() + " on " + s.dataset().text(); }
        public String visitEvaluate(Statement.Evaluate s) {
            return "evaluate " + s.targets().stream().map(Name::text).collect(Collectors.joining(", ")) + " on " + s.dataset().text();
        }
        public String visitSearch(Statement.Search s) { return "search " + s.target().text() + " on " + s.dataset().text(); }
        public String visitPrune(Statement.Prune s) {
            return "prune " + s.target().text() + s.dataset().map(d -> " on " + d.text()).orElse("");
        }
        public String visitDistill(Statement.Distill s) {
            return "distill " + s.teacher().text() + " -> " + s.student().text() + " on " + s.dataset().text();
        }
        public String visitSave(Statement.Save s) { return "save " + s.target().text() + " to \"" + s.path().value() + "\""; }
        public String visitLoad(Statement.Load s) { return "load " + s.name().text(); }
        public String visitReport(Statement.Report s) { return "report"; }
    }
}
