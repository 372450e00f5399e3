package org.mlopt.parse;

import org.antlr.v4.runtime.Token;
import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Name;
import org.mlopt.ast.Path;
import org.mlopt.ast.Program;
import org.mlopt.ast.Span;
import org.mlopt.ast.Statement;
import org.mlopt.diag.Diagnostics;
import org.mlopt.diag.ErrorCode;
import org.mlopt.parse.generated.MloptParser;
import org.mlopt.parse.generated.MloptParser.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a syntactically valid parse tree into the immutable AST. The only reader of parse trees. */
final class AstBuilder {

    private final Diagnostics diagnostics;

    AstBuilder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Program program(String sourceName, ProgramContext ctx) {
        List<Statement> statements = new ArrayList<>();
        for (StatementContext s : ctx.statement()) statements.add(statement(s));
        return new Program(sourceName, statements, Spans.of(ctx));
    }

    private Statement statement(StatementContext ctx) {
        Span span = Spans.of(ctx);
        if (ctx instanceof DataStmtContext c) return new Statement.Data(name(c.name), call(c.source), span);
        if (ctx instanceof SplitStmtContext c) {
            List<Statement.SplitPart> parts = new ArrayList<>();
            for (SplitPartContext p : c.parts) parts.add(new Statement.SplitPart(name(p.name), value(p.fraction), Spans.of(p)));
            return new Statement.Split(name(c.dataset), parts, optionalBlock(c.block()), span);
        }
        if (ctx instanceof PreprocessStmtContext c) {
            List<Expr.Call> steps = new ArrayList<>();
            for (CallContext step : c.steps) steps.add(call(step));
            return new Statement.Preprocess(steps, name(c.fitOn), span);
        }
        if (ctx instanceof ModelStmtContext c) return new Statement.Model(name(c.name), call(c.spec), span);
        if (ctx instanceof NetworkStmtContext c) return new Statement.Network(name(c.name), block(c.block()), span);
        if (ctx instanceof DeclStmtContext c)
            return new Statement.Decl(Statement.DeclKind.of(c.kind.getText()), name(c.name), call(c.spec), span);
        if (ctx instanceof TrainStmtContext c)
            return new Statement.Train(name(c.target), name(c.dataset), optionalBlock(c.block()), span);
        if (ctx instanceof EvaluateStmtContext c) {
            List<Name> targets = new ArrayList<>();
            for (IdentContext t : c.targets) targets.add(name(t));
            return new Statement.Evaluate(targets, name(c.dataset), value(c.metrics), span);
        }
        if (ctx instanceof SearchStmtContext c) return new Statement.Search(name(c.target), name(c.dataset), block(c.block()), span);
        if (ctx instanceof PruneStmtContext c)
            return new Statement.Prune(name(c.target), Optional.ofNullable(c.dataset).map(this::name), block(c.block()), span);
        if (ctx instanceof DistillStmtContext c)
            return new Statement.Distill(name(c.teacher), name(c.student), name(c.dataset), block(c.block()), span);
        if (ctx instanceof SaveStmtContext c) return new Statement.Save(name(c.target), string(c.file), span);
        if (ctx instanceof LoadStmtContext c) return new Statement.Load(name(c.name), string(c.file), span);
        if (ctx instanceof ReportStmtContext c) return new Statement.Report(optionalBlock(c.block()), span);
        throw new IllegalStateException("statement form without an AST node: " + ctx.getClass().getSimpleName());
    }

    private Optional<Block> optionalBlock(BlockContext ctx) {
        return ctx == null ? Optional.empty() : Optional.of(block(ctx));
    }

    private Block block(BlockContext ctx) {
        List<Block.Entry> entries = new ArrayList<>();
        for (EntryContext e : ctx.entries) {
            Span span = Spans.of(e);
            if (e instanceof KeyedEntryContext k) entries.add(new Block.Keyed(path(k.key), value(k.value()), span));
            else if (e instanceof CallEntryContext c) entries.add(new Block.Bare(call(c.call()), span));
            else if (e instanceof SpaceEntryContext s)
                entries.add(new Block.Space(new Name(s.SPACE().getText(), Spans.of(s.SPACE().getSymbol())), block(s.block()), span));
        }
        return new Block(entries, Spans.of(ctx));
    }

    private Expr value(ValueContext ctx) {
        Span span = Spans.of(ctx);
        if (ctx instanceof NumberValueContext n) return number(n, span);
        if (ctx instanceof StringValueContext s) return string(s.STRING().getSymbol());
        if (ctx instanceof BoolValueContext b) return new Expr.BoolLit(b.TRUE() != null, span);
        if (ctx instanceof CallValueContext c) return call(c.call());
        if (ctx instanceof PathValueContext p) return new Expr.Ref(path(p.path()), span);
        if (ctx instanceof ListValueContext l) {
            List<Expr> items = new ArrayList<>();
            for (ValueContext item : l.items) items.add(value(item));
            return new Expr.ListLit(items, span);
        }
        if (ctx instanceof BlockValueContext b) return new Expr.BlockLit(block(b.block()), span);
        throw new IllegalStateException("value form without an AST node: " + ctx.getClass().getSimpleName());
    }

    private Expr.NumberLit number(NumberValueContext n, Span span) {
        String digits = n.NUMBER().getText();
        String text = (n.getChildCount() > 1 ? "-" : "") + digits;
        double v;
        try {
            v = Double.parseDouble(text.replace("_", ""));
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (Double.isNaN(v) || Double.isInfinite(v))
            diagnostics.error(ErrorCode.E104, span, "number '" + text + "' is too large to represent");
        return new Expr.NumberLit(v, text, span);
    }

    private Expr.Call call(CallContext ctx) {
        List<Expr.Arg> args = new ArrayList<>();
        for (ArgContext a : ctx.args)
            args.add(new Expr.Arg(a.name == null ? null : name(a.name), value(a.value()), Spans.of(a)));
        return new Expr.Call(name(ctx.name), args, Spans.of(ctx));
    }

    private Path path(PathContext ctx) {
        List<Path.Segment> segments = new ArrayList<>();
        for (PathSegmentContext s : ctx.segments) {
            Integer index = null;
            if (s.index != null) {
                String text = s.index.getText().replace("_", "");
                try {
                    index = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    diagnostics.error(ErrorCode.E104, Spans.of(s.index), "an index must be a whole number, not '" + s.index.getText() + "'");
                    index = 0;
                }
            }
            segments.add(new Path.Segment(name(s.ident()), index, Spans.of(s)));
        }
        return new Path(segments, Spans.of(ctx));
    }

    private Name name(IdentContext ctx) {
        return new Name(ctx.getText(), Spans.of(ctx));
    }

    private Expr.StringLit string(Token t) {
        return new Expr.StringLit(StringLiterals.decode(t.getText()), Spans.of(t));
    }

    static String tokenName(int type) {
        return MloptParser.VOCABULARY.getLiteralName(type);
    }
}
