package org.mlopt.check;

import org.mlopt.ast.Expr;
import org.mlopt.ast.Name;
import org.mlopt.ast.Statement;
import org.mlopt.diag.ErrorCode;
import org.mlopt.schema.Kind;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Widths through networks: the layers a network declares (E406 when none is dense), its input
 * width learned from the first data it meets (E401), its output width against the loss (E402).
 */
final class ShapeInference {

    private final CheckContext ctx;
    private final ComponentChecker components;

    ShapeInference(CheckContext ctx, ComponentChecker components) {
        this.ctx = ctx;
        this.components = components;
    }

    /** Resolves a network body's layers into {@code model}'s shape. */
    void network(Statement.Network s, ModelState model, Map<String, Expr> settings) {
        int dense = 0;
        Statement.Network source = s;
        double width = 1.0;
        if (settings.get("like") instanceof Expr.Ref like) {
            Symbol other = ctx.symbols.get(like.path().toString());
            if (!(other != null && other.declaredBy() instanceof Statement.Network copied)) return;
            if (!s.body().bareCalls().isEmpty()) {
                ctx.diagnostics.error(ErrorCode.E308, like.span(), "network '" + model.name + "' takes its layers from '" + copied.name().text()
                        + "' and lists layers of its own", "help: remove the layers, or remove like:");
                return;
            }
            if (copied.body().get("like").isPresent()) {
                ctx.diagnostics.error(ErrorCode.E308, like.span(), "like: must name a network that lists its own layers, and '"
                        + copied.name().text() + "' is itself a copy");
                return;
            }
            source = copied;
            if (settings.get("width") instanceof Expr.NumberLit w) width = w.value();
        }
        List<Expr.Call> calls = source.body().bareCalls();
        int denseCount = 0;
        for (Expr.Call call : calls) if (call.callee().text().equals("dense")) denseCount++;
        for (Expr.Call call : calls) {
            Resolved layer = source == s ? components.checkCall(call, Set.of(Kind.LAYER)) : ctx.resolved(call);
            if (layer == null || layer.component().param("units").isEmpty()) continue;
            Expr unitsExpr = layer.arg("units");
            int units = (int) layer.number("units", -1);
            // A copy keeps the output layer and scales the hidden ones.
            if (source != s && dense < denseCount - 1 && units > 0) units = Math.max(1, (int) Math.round(units * width));
            model.layers.add(new NetworkShape.Layer(dense++, units, layer.flag("bias", true),
                    source != s ? s.name().span() : unitsExpr != null ? unitsExpr.span() : call.span(), source != s ? s.name().span() : call.span()));
        }
        if (dense == 0 && !hasUnresolvedLayer(source))
            ctx.diagnostics.error(ErrorCode.E406, s.name().span(), "network '" + model.name + "' has no dense layer, so it has no output",
                    "help: end the network with dense(N), N = the number of classes (or 1 for regression)");
        Expr input = settings.get("input");
        if (input instanceof Expr.NumberLit n) {
            model.declaredInput = (int) n.value();
            model.declaredInputSpan = n.span();
        }
    }

    private boolean hasUnresolvedLayer(Statement.Network s) {
        for (Expr.Call call : s.body().bareCalls()) if (ctx.resolved(call) == null) return true;
        return false;
    }

    /**
     * A use of {@code model} on {@code data}: the first fixes the input width, later ones must
     * agree (E401 for networks, E408 for other models).
     */
    void useInputs(ModelState model, DatasetInfo data, Name dataName) {
        if (model == null || data == null || ctx.unknownWidth.contains(data.name())) return;
        int features = data.features();
        if (model.inputs < 0) {
            if (model.declaredInput >= 0 && model.declaredInput != features) {
                ctx.diagnostics.error(ErrorCode.E401, model.declaredInputSpan,
                        "network '" + model.name + "' takes " + features + " inputs from '" + dataName.text() + "' but declares input: "
                                + model.declaredInput,
                        "note: '" + dataName.text() + "' has " + Values.plural(features, "feature") + " (line " + dataName.span().line() + ")");
            }
            model.inputs = features;
            model.inputsFrom = dataName.text();
            return;
        }
        if (model.inputs != features) {
            ErrorCode code = model.isNetwork() ? ErrorCode.E401 : ErrorCode.E408;
            ctx.diagnostics.error(code, dataName.span(),
                    "'" + model.name + "' takes " + model.inputs + " inputs (from '" + model.inputsFrom + "'), but '" + dataName.text()
                            + "' has " + Values.plural(features, "feature"));
        }
    }

    /** The network's output width against what the loss needs on this data (E402). */
    void checkOutputs(ModelState model, Resolved loss, DatasetInfo data) {
        if (model == null || !model.isNetwork() || loss == null || data == null || data.task() == null) return;
        int out = model.networkOutputs();
        if (out < 0) return;
        String name = loss.name();
        int needed;
        String why;
        if (name.equals("cross_entropy")) {
            if (!data.task().isClassification()) return;
            needed = data.classes().size();
            why = "cross_entropy needs one output per class of '" + data.target() + "' (" + String.join(", ", limit(data)) + ")";
        } else if (name.equals("binary_cross_entropy")) {
            needed = 1;
            why = "binary_cross_entropy needs a single output (the logit of the positive class)";
        } else if (!data.task().isClassification() && loss.component().fits(org.mlopt.schema.Task.REGRESSION)) {
            needed = 1;
            why = name + " on the numeric target '" + data.target() + "' needs a single output";
        } else return;
        if (out != needed) {
            NetworkShape.Layer last = model.layers.get(model.layers.size() - 1);
            ctx.diagnostics.error(ErrorCode.E402, last.unitsSpan(),
                    "network '" + model.name + "' has " + Values.plural(out, "output") + ", but " + why + ": expected " + needed,
                    "help: make the last layer dense(" + needed + ")");
        }
    }

    private static java.util.List<String> limit(DatasetInfo d) {
        if (d.classes().size() <= 6) return d.classes();
        java.util.List<String> out = new java.util.ArrayList<>(d.classes().subList(0, 5));
        out.add("... " + d.classes().size() + " classes");
        return out;
    }
}
