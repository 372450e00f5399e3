package org.mlopt.ast;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders an AST as an indented S-expression with every node's span, for golden tests and
 * {@code mlopt parse --ast}. The format is stable: changing it means regenerating golden files.
 */
public final class AstPrinter implements Statement.Visitor<String>, Expr.Visitor<String> {

    private final boolean spans;

    private AstPrinter(boolean spans) {
        this.spans = spans;
    }

    public static String print(Program program) {
        return print(program, true);
    }

    public static String print(Program program, boolean withSpans) {
        AstPrinter p = new AstPrinter(withSpans);
        StringBuilder out = new StringBuilder();
        for (Statement s : program.statements()) out.append(s.accept(p)).append('\n');
        return out.toString();
    }

    private String at(Node n) {
        return spans ? " @" + n.span() : "";
    }

    private String node(String head, Node n, String... parts) {
        StringBuilder b = new StringBuilder("(").append(head).append(at(n));
        for (String part : parts) if (part != null && !part.isEmpty()) b.append(part.startsWith("\n") ? "" : " ").append(part);
        return b.append(')').toString();
    }

    private static String indent(String s) {
        return "\n  " + s.replace("\n", "\n  ");
    }

    private String name(Name n) {
        return n.text();
    }

    private String block(Block block) {
        StringBuilder b = new StringBuilder("(block").append(at(block));
        for (Block.Entry e : block.entries()) b.append(indent(entry(e)));
        return b.append(')').toString();
    }

    private String entry(Block.Entry e) {
        if (e instanceof Block.Keyed k) return node("entry " + k.key(), k, k.value().accept(this));
        if (e instanceof Block.Bare b) return b.call().accept(this);
        Block.Space s = (Block.Space) e;
        return node("space", s, indent(block(s.block())));
    }

    private String names(List<Name> names) {
        return names.stream().map(Name::text).collect(Collectors.joining(" ", "[", "]"));
    }

    public String visitData(Statement.Data s) { return node("data " + name(s.name()), s, s.source().accept(this)); }

    public String visitSplit(Statement.Split s) {
        StringBuilder parts = new StringBuilder();
        for (Statement.SplitPart p : s.parts()) parts.append(indent(node("part " + name(p.name()), p, p.fraction().accept(this))));
        return node("split " + name(s.dataset()), s, parts + s.options().map(b -> indent(block(b))).orElse(""));
    }

    public String visitPreprocess(Statement.Preprocess s) {
        StringBuilder steps = new StringBuilder();
        for (Expr.Call c : s.steps()) steps.append(indent(c.accept(this)));
        return node("preprocess fit=" + name(s.fitOn()), s, steps.toString());
    }

    public String visitModel(Statement.Model s) { return node("model " + name(s.name()), s, s.spec().accept(this)); }

    public String visitNetwork(Statement.Network s) { return node("network " + name(s.name()), s, indent(block(s.body()))); }

    public String visitDecl(Statement.Decl s) { return node(s.keyword() + " " + name(s.name()), s, s.spec().accept(this)); }

    public String visitTrain(Statement.Train s) {
        return node("train " + name(s.target()) + " on " + name(s.dataset()), s, s.options().map(b -> indent(block(b))).orElse(""));
    }

    public String visitEvaluate(Statement.Evaluate s) {
        return node("evaluate " + names(s.targets()) + " on " + name(s.dataset()), s, s.metrics().accept(this));
    }

    public String visitSearch(Statement.Search s) {
        return node("search " + name(s.target()) + " on " + name(s.dataset()), s, indent(block(s.options())));
    }

    public String visitPrune(Statement.Prune s) {
        return node("prune " + name(s.target()) + s.dataset().map(d -> " on " + d.text()).orElse(""), s, indent(block(s.options())));
    }

    public String visitDistill(Statement.Distill s) {
        return node("distill " + name(s.teacher()) + " -> " + name(s.student()) + " on " + name(s.dataset()), s,
                indent(block(s.options())));
    }

    public String visitSave(Statement.Save s) { return node("save " + name(s.target()), s, s.path().accept(this)); }

    public String visitLoad(Statement.Load s) { return node("load " + name(s.name()), s, s.path().accept(this)); }

    public String visitReport(Statement.Report s) { return node("report", s, s.options().map(b -> indent(block(b))).orElse("")); }

    public String visitNumber(Expr.NumberLit n) { return n.text() + at(n); }

    public String visitString(Expr.StringLit s) { return Literals.quote(s.value()) + at(s); }

    public String visitBool(Expr.BoolLit b) { return b.value() + at(b); }

    public String visitRef(Expr.Ref r) { return "$" + r.path() + at(r); }

    public String visitCall(Expr.Call c) {
        StringBuilder b = new StringBuilder("(call ").append(c.callee().text()).append(at(c));
        for (Expr.Arg a : c.args()) b.append(' ').append(a.positional() ? "" : a.name().text() + "=").append(a.value().accept(this));
        return b.append(')').toString();
    }

    public String visitList(Expr.ListLit l) {
        return l.items().stream().map(i -> i.accept(this)).collect(Collectors.joining(" ", "[", "]")) + at(l);
    }

    public String visitBlock(Expr.BlockLit b) { return block(b.block()); }
}
