package org.mlopt.plan;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Plans a {@code prune}: one PRUNE step per phase of the schedule ({@link PruneSchedule}), each
 * followed by a FINETUNE when the statement fine-tunes (every phase of an iterative schedule; one
 * epoch after each gradual phase and the {@code finetune} block after the last). Neuron pruning
 * shrinks hidden layers, so later steps cost less; magnitude pruning keeps the dense shape
 * (masked weights still go through the dense products).
 */
final class PrunePlanner {

    private final PlanContext ctx;

    PrunePlanner(PlanContext ctx) {
        this.ctx = ctx;
    }

    void plan(Statement.Prune s) {
        String model = s.target().text();
        String data = s.dataset().map(n -> n.text()).orElse(null);
        Block options = s.options();
        Expr method = Values.get(options, "method").orElse(null);
        String methodName = method == null ? "magnitude" : Values.name(method);
        double target = method == null ? 0.5 : Values.number(Values.arg(method, "sparsity", 0), 0.5);
        PruneSchedule schedule = PruneSchedule.of(Values.get(options, "schedule").orElse(null), target);
        Optional<Block> finetune = Values.block(Values.get(options, "finetune"));
        double finetuneEpochs = finetune.isPresent() ? ctx.epochs(model, finetune) : -1;
        ModelShape original = ctx.model(model, data, -1);
        Shape dataShape = data == null ? Shape.UNKNOWN : ctx.shape(data);

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("method", method == null ? "magnitude" : ExprText.of(method));
        settings.put("rewind", Boolean.toString(Values.bool(Values.get(options, "rewind"), false)));
        int phases = schedule.sparsities().size();
        ModelShape shape = original;
        for (int p = 0; p < phases; p++) {
            double sparsity = schedule.sparsities().get(p);
            String suffix = phases == 1 ? "" : "p" + (p + 1);
            shape = methodName.equals("neurons") ? shape.withLayers(keptUnits(original.layers(), sparsity)) : original;
            Map<String, String> details = new LinkedHashMap<>();
            details.put("sparsity", String.format(java.util.Locale.ROOT, "%.3f", sparsity));
            details.put("phase", (p + 1) + " of " + phases + " (" + schedule.kind() + ")");
            long params = shape.parameters();
            if (!methodName.equals("neurons") && params >= 0)
                details.put("nonzero", "≈ " + PlanFormat.count(Math.round(original.parameters() * (1 - sparsity))));
            Map<String, String> phaseSettings = new LinkedHashMap<>(settings);
            phaseSettings.put("sparsity", Double.toString(sparsity));
            String in = ctx.require(model);
            String out = ctx.graph.produce(model, ArtifactKind.MODEL, "pruned " + model, Shape.UNKNOWN);
            ctx.graph.add(Step.of(ctx.id(suffix.isEmpty() ? "prune" : suffix + ".prune"), StepKind.PRUNE,
                    "prune " + model + " to sparsity " + String.format(java.util.Locale.ROOT, "%.3f", sparsity),
                    // With `on D`, every phase measures accuracy on D (after pruning, and the one-shot sweep).
                    data == null ? List.of(in) : List.of(in, ctx.require(data)), List.of(out), ctx.statement(), s.span(), null,
                    OptionalLong.empty(), phaseSettings,
                    new StepAttributes(Shape.UNKNOWN, params, 0, Math.max(0, original.parameters()), details)));
            if (data == null) continue;
            double epochs = schedule.gradual() ? 1 : finetuneEpochs;
            if (epochs > 0) finetune(s, model, data, dataShape, shape.withIterations(epochs), finetune, suffix, p, epochs);
        }
        if (schedule.gradual() && data != null && finetuneEpochs > 0)
            finetune(s, model, data, dataShape, shape.withIterations(finetuneEpochs), finetune, "final", phases, finetuneEpochs);
        ctx.setModel(model, shape);
    }

    private void finetune(Statement.Prune s, String model, String data, Shape dataShape, ModelShape shape,
                          Optional<Block> block, String suffix, int phase, double epochs) {
        Map<String, String> settings = new LinkedHashMap<>();
        block.ifPresent(b -> settings.put("finetune", ExprText.of(b)));
        ctx.referencedDeclarations(block, settings);
        settings.put("epochs", PlanFormat.number(epochs));
        String in = ctx.require(model);
        String out = ctx.graph.produce(model, ArtifactKind.MODEL, "fine-tuned " + model, Shape.UNKNOWN);
        ctx.graph.add(Step.of(ctx.id(suffix.isEmpty() ? "finetune" : suffix + ".finetune"), StepKind.FINETUNE,
                "finetune " + model + " on " + data + " for " + PlanFormat.number(epochs) + (epochs == 1 ? " epoch" : " epochs"),
                inputs(in, data, block), List.of(out), ctx.statement(), s.span(), null,
                ctx.seed(Optional.empty(), SeedSequence.NONE, SeedSequence.NONE, phase), settings,
                new StepAttributes(dataShape, shape.parameters(), 1, shape.fit(dataShape.rows()), Map.of("epochs", PlanFormat.number(epochs)))));
    }

    /** The model and data a fine-tuning reads, and the split part it validates on when it names one. */
    private List<String> inputs(String model, String data, Optional<Block> finetune) {
        List<String> inputs = new ArrayList<>(List.of(model, ctx.require(data)));
        finetune.flatMap(b -> Values.get(b, "validate")).filter(v -> v instanceof org.mlopt.ast.Expr.Ref)
                .ifPresent(v -> inputs.add(ctx.require(Values.name(v))));
        return inputs;
    }

    /** Hidden widths after removing {@code round(sparsity * units)} units per layer, keeping at least one; the output layer stays. */
    static List<Integer> keptUnits(List<Integer> layers, double sparsity) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            int units = layers.get(i);
            out.add(i == layers.size() - 1 ? units : Math.max(1, units - (int) Math.round(sparsity * units)));
        }
        return out;
    }
}
