package org.mlopt.format;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Name;
import org.mlopt.ast.Node;
import org.mlopt.ast.Program;
import org.mlopt.ast.Statement;
import org.mlopt.parse.LexToken;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Lays out a parsed program in the canonical style and puts every comment back: own-line
 * comments before the element that followed them, trailing comments at the end of the line of
 * the code they followed. The rules are documented on {@link Formatter}.
 */
final class LayoutPrinter implements Statement.Visitor<Void>, Expr.Visitor<Void> {

    private final String source;
    private final List<LexToken> tokens;
    private final CommentQueue comments;
    private final Layout layout;
    private final OutputLines out = new OutputLines();

    private int indent;
    /** End offset of the last thing printed, for telling whether the source had a blank line after it. */
    private int lastEnd;
    /** True before the first element of a file, block, call or list: no blank line goes there. */
    private boolean firstInGroup = true;

    LayoutPrinter(String source, List<LexToken> tokens) {
        this.source = source;
        this.tokens = tokens;
        this.comments = CommentQueue.of(tokens);
        this.layout = new Layout(comments, tokens);
    }

    String print(Program program) {
        for (Statement s : program.statements()) {
            startElement(s.span().startOffset(), true);
            s.accept(this);
            endLine(s.span().endOffset());
        }
        ownLineComments(Integer.MAX_VALUE, true);
        return out.render();
    }

    // ---- lines, blank lines and comments ----

    private void startElement(int start, boolean keepBlankLines) {
        ownLineComments(start, keepBlankLines);
        if (!firstInGroup && keepBlankLines && blankLineBetween(lastEnd, start)) out.blank();
        firstInGroup = false;
        out.open(indent);
    }

    private void ownLineComments(int before, boolean keepBlankLines) {
        for (SourceComment c : comments.takeBefore(before)) {
            if (!firstInGroup && keepBlankLines && blankLineBetween(lastEnd, c.start())) out.blank();
            firstInGroup = false;
            out.open(indent);
            out.append(c.text());
            lastEnd = c.end();
        }
    }

    /**
     * Finishes the current line, whose last printed token ends at {@code end}. Comments that sat
     * inside the code now on this line move just above it; a comment that followed its last
     * token on the same source line stays at its end.
     */
    private void endLine(int end) {
        for (SourceComment c : comments.takeBefore(end)) out.insertAbove(c.text());
        lastEnd = end;
        SourceComment next = comments.peek();
        if (next != null && next.trailing() && next.anchorEnd() == end) {
            out.trailing(comments.take().text());
            lastEnd = next.end();
        }
    }

    private boolean blankLineBetween(int from, int to) {
        boolean afterNewline = false;
        boolean blankSoFar = false;
        for (int i = Math.max(0, from); i < Math.min(to, source.length()); i++) {
            char c = source.charAt(i);
            if (c == '\n') {
                if (afterNewline && blankSoFar) return true;
                afterNewline = true;
                blankSoFar = true;
            } else if (!Character.isWhitespace(c) && c != ',') {
                blankSoFar = false;
            }
        }
        return false;
    }

    // ---- statements ----

    public Void visitData(Statement.Data s) {
        out.append("data " + s.name().text() + " = ");
        return s.source().accept(this);
    }

    public Void visitSplit(Statement.Split s) {
        out.append("split " + s.dataset().text() + " -> ");
        for (int i = 0; i < s.parts().size(); i++) {
            Statement.SplitPart p = s.parts().get(i);
            out.append((i > 0 ? ", " : "") + p.name().text() + ": ");
            p.fraction().accept(this);
        }
        optionalBlock(s.options());
        return null;
    }

    public Void visitPreprocess(Statement.Preprocess s) {
        out.append("preprocess ");
        for (int i = 0; i < s.steps().size(); i++) {
            if (i > 0) out.append(", ");
            s.steps().get(i).accept(this);
        }
        out.append(" fit " + s.fitOn().text());
        return null;
    }

    public Void visitModel(Statement.Model s) {
        out.append("model " + s.name().text() + " = ");
        return s.spec().accept(this);
    }

    public Void visitNetwork(Statement.Network s) {
        out.append("network " + s.name().text() + " ");
        brokenBlock(s.body());
        return null;
    }

    public Void visitDecl(Statement.Decl s) {
        out.append(s.keyword() + " " + s.name().text() + " = ");
        return s.spec().accept(this);
    }

    public Void visitTrain(Statement.Train s) {
        out.append("train " + s.target().text() + " on " + s.dataset().text());
        optionalBlock(s.options());
        return null;
    }

    public Void visitEvaluate(Statement.Evaluate s) {
        String targets = s.targets().stream().map(Name::text).collect(Collectors.joining(", "));
        out.append("evaluate " + targets + " on " + s.dataset().text() + ": ");
        return s.metrics().accept(this);
    }

    public Void visitSearch(Statement.Search s) {
        out.append("search " + s.target().text() + " on " + s.dataset().text() + " ");
        block(s.options());
        return null;
    }

    public Void visitPrune(Statement.Prune s) {
        out.append("prune " + s.target().text() + s.dataset().map(d -> " on " + d.text()).orElse("") + " ");
        block(s.options());
        return null;
    }

    public Void visitDistill(Statement.Distill s) {
        out.append("distill " + s.teacher().text() + " -> " + s.student().text() + " on " + s.dataset().text() + " ");
        block(s.options());
        return null;
    }

    public Void visitSave(Statement.Save s) {
        out.append("save " + s.target().text() + " to ");
        return s.path().accept(this);
    }

    public Void visitLoad(Statement.Load s) {
        out.append("load " + s.name().text() + " from ");
        return s.path().accept(this);
    }

    public Void visitReport(Statement.Report s) {
        out.append("report");
        optionalBlock(s.options());
        return null;
    }

    // ---- blocks ----

    private void optionalBlock(Optional<Block> block) {
        block.ifPresent(b -> {
            out.append(" ");
            block(b);
        });
    }

    private void block(Block b) {
        if (layout.inline(b)) inlineBlock(b);
        else brokenBlock(b);
    }

    private void inlineBlock(Block b) {
        if (b.entries().isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{ ");
        for (int i = 0; i < b.entries().size(); i++) {
            if (i > 0) out.append(", ");
            entry(b.entries().get(i));
        }
        out.append(" }");
    }

    private void brokenBlock(Block b) {
        out.append("{");
        endLine(b.span().startOffset() + 1);
        indent++;
        firstInGroup = true;
        for (Block.Entry e : b.entries()) {
            startElement(e.span().startOffset(), true);
            entry(e);
            endLine(e.span().endOffset());
        }
        ownLineComments(b.span().endOffset() - 1, true);
        indent--;
        out.openClosing(indent);
        out.append("}");
    }

    private void entry(Block.Entry e) {
        if (e instanceof Block.Keyed k) {
            out.append(k.key() + ": ");
            k.value().accept(this);
        } else if (e instanceof Block.Bare b) {
            b.call().accept(this);
        } else {
            Block.Space s = (Block.Space) e;
            out.append(s.keyword().text() + " ");
            brokenBlock(s.block());
        }
    }

    // ---- values ----

    public Void visitNumber(Expr.NumberLit n) {
        out.append(n.text());
        return null;
    }

    public Void visitString(Expr.StringLit s) {
        out.append(source.substring(s.span().startOffset(), s.span().endOffset()));
        return null;
    }

    public Void visitBool(Expr.BoolLit b) {
        out.append(String.valueOf(b.value()));
        return null;
    }

    public Void visitRef(Expr.Ref r) {
        out.append(r.path().toString());
        return null;
    }

    public Void visitCall(Expr.Call c) {
        out.append(c.callee().text());
        List<Node> args = List.copyOf(c.args());
        sequence(args, "(", ")", layout.openParenEnd(c), c.span(), layout.breaks(c));
        return null;
    }

    public Void visitList(Expr.ListLit l) {
        sequence(List.copyOf(l.items()), "[", "]", l.span().startOffset() + 1, l.span(), layout.breaks(l));
        return null;
    }

    public Void visitBlock(Expr.BlockLit b) {
        block(b.block());
        return null;
    }

    /** Call arguments or list items: inline with {@code ", "}, or one per line with trailing commas. */
    private void sequence(List<Node> items, String open, String close, int openEnd, org.mlopt.ast.Span span, boolean broken) {
        out.append(open);
        if (!broken) {
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) out.append(", ");
                item(items.get(i));
            }
            out.append(close);
            return;
        }
        endLine(openEnd);
        indent++;
        firstInGroup = true;
        for (Node item : items) {
            startElement(item.span().startOffset(), false);
            item(item);
            out.append(",");
            endLine(item.span().endOffset());
        }
        ownLineComments(span.endOffset() - 1, false);
        indent--;
        out.openClosing(indent);
        out.append(close);
    }

    private void item(Node item) {
        if (item instanceof Expr.Arg a) {
            if (!a.positional()) out.append(a.name().text() + ": ");
            a.value().accept(this);
        } else {
            ((Expr) item).accept(this);
        }
    }
}
