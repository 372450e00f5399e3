package org.mlopt.exec;

import org.mlopt.ast.Expr;
import org.mlopt.metric.MetricValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How metrics are named and shaped in results: as the script writes them. */
final class MetricNames {

    private MetricNames() {}

    /** A metric as written, as a call: {@code accuracy} becomes {@code accuracy()}. */
    static Expr.Call call(Expr metric) {
        if (metric instanceof Expr.Call c) return c;
        return new Expr.Call(new org.mlopt.ast.Name(((Expr.Ref) metric).path().toString(), metric.span()), List.of(), metric.span());
    }

    /**
     * The name a metric's value goes under among {@code taken}: its own name, or, asked for again
     * with other settings, spelled out ({@code f1(average: macro)}).
     */
    static String key(Expr.Call call, java.util.Set<String> taken) {
        return taken.contains(call.callee().text()) ? text(call) : call.callee().text();
    }

    /** {@code f1(average: macro)} as written, for a metric asked for twice with different settings. */
    static String text(Expr.Call call) {
        StringBuilder b = new StringBuilder(call.callee().text()).append('(');
        for (int i = 0; i < call.args().size(); i++) {
            Expr.Arg a = call.args().get(i);
            if (i > 0) b.append(", ");
            if (!a.positional()) b.append(a.name().text()).append(": ");
            b.append(a.value() instanceof Expr.Ref r ? r.path().toString()
                    : a.value() instanceof Expr.NumberLit n ? n.text()
                    : a.value() instanceof Expr.StringLit s ? s.value() : "…");
        }
        return b.append(')').toString();
    }

    /** A confusion matrix as {labels, counts}. */
    static Map<String, Object> matrix(MetricValue.Matrix m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("labels", m.labels());
        List<List<Integer>> rows = new ArrayList<>();
        for (int[] row : m.counts()) {
            List<Integer> r = new ArrayList<>();
            for (int c : row) r.add(c);
            rows.add(r);
        }
        out.put("counts", rows);
        return out;
    }
}
