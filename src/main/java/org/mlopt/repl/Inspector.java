package org.mlopt.repl;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Node;
import org.mlopt.ast.Statement;
import org.mlopt.check.CheckedProgram;
import org.mlopt.check.DatasetInfo;
import org.mlopt.check.ModelInfo;
import org.mlopt.check.Resolved;
import org.mlopt.check.Symbol;
import org.mlopt.exec.StepResult;
import org.mlopt.schema.Param;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code show NAME} prints: a dataset's shape, target and classes; a model's layers, widths,
 * parameter counts and latest metrics; a component declaration's parameters, given and defaulted.
 */
final class Inspector {

    private final CheckedProgram program;
    private final Map<String, List<StepResult>> results;

    Inspector(CheckedProgram program, Map<String, List<StepResult>> results) {
        this.program = program;
        this.results = results;
    }

    String describe(String name) {
        Symbol symbol = program.symbols().get(name);
        StringBuilder b = new StringBuilder();
        DatasetInfo data = program.datasets().get(name);
        ModelInfo model = program.models().get(name);
        if (data != null) dataset(data, b);
        else if (model != null) model(model, symbol.declaredBy(), b);
        else component(symbol, b);
        return b.toString();
    }

    private void dataset(DatasetInfo d, StringBuilder b) {
        b.append(d.parent() == null ? "dataset " : "split part ").append(d.name()).append(": ");
        int rows = d.estimatedRows();
        b.append(rows < 0 ? "? rows" : (d.parent() == null ? "" : "~") + rows + " rows").append(" x ").append(d.features()).append(" features\n");
        if (d.parent() != null)
            b.append("  ").append(d.role()).append(" part of ").append(d.parent()).append(" (").append(percent(d.fraction())).append(")\n");
        if (d.file() != null) b.append("  file      ").append(d.file()).append('\n');
        if (d.target() != null) b.append("  target    ").append(d.target()).append('\n');
        if (d.task() != null) b.append("  task      ").append(d.task().label()).append('\n');
        if (!d.classes().isEmpty()) b.append("  classes   ").append(d.classes().size()).append(": ").append(String.join(", ", d.classes())).append('\n');
        b.append("  features  ").append(abbreviate(d.featureNames())).append('\n');
        metrics(d.name(), b);
    }

    private void model(ModelInfo m, Statement declaredBy, StringBuilder b) {
        b.append(m.isNetwork() ? "network " : "model ").append(m.name());
        if (!m.isNetwork()) b.append(" = ").append(m.kind());
        b.append(": ").append(width(m.inputs())).append(" inputs -> ").append(width(m.outputs())).append(" outputs, ")
                .append(m.parameters() < 0 ? "? " : String.format(Locale.ROOT, "%,d ", m.parameters())).append("parameters\n");
        if (m.isNetwork() && declaredBy instanceof Statement.Network net) layers(m, net, b);
        if (declaredBy instanceof Statement.Model spec) parameters(spec.spec(), b);
        metrics(m.name(), b);
    }

    private void layers(ModelInfo m, Statement.Network net, StringBuilder b) {
        List<Long> counts = perLayer(m);
        int dense = 0;
        int in = m.inputs();
        int row = 1;
        for (Block.Entry e : net.body().entries()) {
            if (!(e instanceof Block.Bare bare)) continue;
            String text = source(bare.call());
            String units = "";
            Resolved r = program.resolution(bare.call()).orElse(null);
            boolean widens = r != null && r.component().param("units").isPresent() && dense < m.layers().size();
            if (widens) {
                int out = m.layers().get(dense);
                units = width(in) + " -> " + out;
                if (counts != null) units += String.format(Locale.ROOT, "  %,d parameters", counts.get(dense));
                in = out;
                dense++;
            }
            b.append(String.format(Locale.ROOT, "  %2d  %-28s %s%n", row++, text, units).stripTrailing()).append('\n');
        }
    }

    /** Weights and biases of each dense layer, or null when they do not add up to the checker's total (a layer without bias). */
    private static List<Long> perLayer(ModelInfo m) {
        if (m.inputs() < 0 || m.parameters() < 0) return null;
        List<Long> counts = new ArrayList<>();
        long total = 0;
        int in = m.inputs();
        for (int units : m.layers()) {
            long c = (long) in * units + units;
            counts.add(c);
            total += c;
            in = units;
        }
        return total == m.parameters() ? counts : null;
    }

    private void component(Symbol symbol, StringBuilder b) {
        Statement s = symbol.declaredBy();
        b.append(symbol.kind()).append(' ').append(symbol.name());
        if (s instanceof Statement.Decl decl) {
            b.append(" = ").append(decl.spec().callee().text()).append('\n');
            parameters(decl.spec(), b);
        } else {
            b.append('\n').append("  ").append(source(s)).append('\n');
        }
    }

    private void parameters(Expr.Call call, StringBuilder b) {
        Resolved r = program.resolution(call).orElse(null);
        if (r == null) return;
        int width = 4;
        for (Param p : r.component().params()) width = Math.max(width, p.name().length());
        for (Param p : r.component().params()) {
            Expr given = r.arg(p.name());
            String value = given != null ? source(given) : p.defaultValue() == null ? "(none)" : format(p.defaultValue()) + "  (default)";
            b.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", p.name(), value));
        }
    }

    private void metrics(String subject, StringBuilder b) {
        for (StepResult s : results.getOrDefault(subject, List.of())) {
            if (s.metrics().isEmpty() && s.details().isEmpty()) continue;
            b.append("  last ").append(s.kind());
            if (s.data() != null) b.append(" on ").append(s.data());
            b.append(':');
            for (Map.Entry<String, Object> e : s.details().entrySet())
                if (e.getValue() instanceof Number || e.getValue() instanceof String)
                    b.append(' ').append(e.getKey().replace('_', ' ')).append(' ').append(format(e.getValue())).append(',');
            for (Map.Entry<String, Object> e : s.metrics().entrySet())
                if (e.getValue() instanceof Number) b.append(' ').append(e.getKey()).append(' ').append(format(e.getValue())).append(',');
            b.setLength(b.length() - (b.charAt(b.length() - 1) == ',' ? 1 : 0));
            b.append('\n');
        }
    }

    private String source(Node n) {
        String text = program.source().text();
        int start = Math.max(0, n.span().startOffset());
        int end = Math.min(text.length(), n.span().endOffset());
        return start < end ? text.substring(start, end).replaceAll("\\s*\\n\\s*", " ") : "";
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
            return String.format(Locale.ROOT, "%.6g", d).replaceAll("\\.?0+(e|$)", "$1");
        }
        return String.valueOf(v);
    }

    private static String width(int w) {
        return w < 0 ? "?" : Integer.toString(w);
    }

    private static String percent(double fraction) {
        return format(fraction * 100) + "%";
    }

    private static String abbreviate(List<String> names) {
        if (names.size() <= 6) return String.join(", ", names);
        return String.join(", ", names.subList(0, 4)) + ", ... , " + names.get(names.size() - 1);
    }
}
