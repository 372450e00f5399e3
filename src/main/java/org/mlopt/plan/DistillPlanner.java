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
 * Plans a {@code distill}: the teacher's outputs are computed once (TEACHER_OUTPUTS), the student
 * trains on them (DISTILL) and, with {@code baseline: true}, a copy of the student trains on the
 * labels alone (BASELINE). The baseline gets the student's seed, so both start from the same
 * initial weights and see the same batches: the comparison isolates distillation. With
 * {@code seeds: n} both steps fit n networks, one per seed.
 */
final class DistillPlanner {

    private final PlanContext ctx;

    DistillPlanner(PlanContext ctx) {
        this.ctx = ctx;
    }

    void plan(Statement.Distill s) {
        String teacher = s.teacher().text();
        String student = s.student().text();
        String data = s.dataset().text();
        Block options = s.options();
        Shape shape = ctx.shape(data);
        String dataIn = ctx.require(data);

        List<String> teacherInputs = new ArrayList<>(List.of(ctx.require(teacher), dataIn));
        int rows = shape.rows();
        Optional<Expr> transfer = Values.get(options, "transfer");
        if (transfer.isPresent()) {
            String part = Values.name(transfer.get());
            ctx.graph.current(part).ifPresent(teacherInputs::add);
            int extra = ctx.shape(part).rows();
            rows = rows < 0 || extra < 0 ? -1 : rows + extra;
        }
        ModelShape t = ctx.model(teacher, data, -1);
        String outputs = ctx.graph.internal(ctx.id("teacher_outputs"), ArtifactKind.PREDICTIONS, "logits of " + teacher, Shape.UNKNOWN);
        ctx.graph.add(Step.of(ctx.id("teacher"), StepKind.TEACHER_OUTPUTS, "outputs of " + teacher + " on " + data,
                teacherInputs, List.of(outputs), ctx.statement(), s.span(), null, OptionalLong.empty(),
                Map.of("teacher", ctx.modelText(teacher)), new StepAttributes(shape.withRows(rows), t.parameters(), 0,
                        CostModel.predict(t.forward(), rows), Map.of())));

        double epochs = ctx.epochs(student, Optional.of(options));
        ModelShape st = ctx.model(student, data, epochs).withIterations(epochs);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("student", ctx.modelText(student));
        settings.put("options", ExprText.of(options));
        ctx.referencedDeclarations(Optional.of(options), settings);
        OptionalLong seed = ctx.seed(Values.get(options, "seed"), SeedSequence.NONE, SeedSequence.NONE, SeedSequence.NONE);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("temperature", Values.get(options, "temperature").map(ExprText::of).orElse("1"));
        details.put("alpha", Values.get(options, "alpha").map(ExprText::of).orElse("0.5"));
        if (epochs >= 0) details.put("epochs", PlanFormat.number(epochs));
        // seeds: n distils n students (and n baselines), one per seed.
        int seeds = (int) Math.max(1, Math.round(Values.number(Values.get(options, "seeds"), 1)));
        if (seeds > 1) details.put("seeds", Integer.toString(seeds));
        List<String> inputs = new ArrayList<>(List.of(dataIn, outputs));
        if (teacherInputs.size() > 2) inputs.add(teacherInputs.get(2));
        String out = ctx.graph.produce(student, ArtifactKind.MODEL, "distilled " + student, Shape.UNKNOWN);
        ctx.graph.add(Step.of(ctx.id("distill"), StepKind.DISTILL, "distill " + teacher + " -> " + student + " on " + data,
                inputs, List.of(out), ctx.statement(), s.span(), null, seed, settings,
                new StepAttributes(shape.withRows(rows), st.parameters(), seeds, seeds * st.fit(rows), details)));
        ctx.setModel(student, st);

        if (Values.bool(Values.get(options, "baseline"), false)) {
            String base = ctx.graph.internal(student + ".baseline." + ctx.id(""), ArtifactKind.MODEL, student + " trained alone", Shape.UNKNOWN);
            Map<String, String> baseSettings = new LinkedHashMap<>(settings);
            baseSettings.put("baseline", "true");
            ctx.graph.add(Step.of(ctx.id("baseline"), StepKind.BASELINE, "baseline: train " + student + " alone on " + data,
                    List.of(dataIn), List.of(base), ctx.statement(), s.span(), null, seed, baseSettings,
                    new StepAttributes(shape, st.parameters(), seeds, seeds * st.fit(shape.rows()),
                            epochs >= 0 ? Map.of("epochs", PlanFormat.number(epochs)) : Map.of())));
        }
    }
}
