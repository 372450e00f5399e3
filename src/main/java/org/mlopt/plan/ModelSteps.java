package org.mlopt.plan;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Name;
import org.mlopt.ast.Statement;
import org.mlopt.check.ModelInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Plans {@code train}, {@code evaluate}, {@code save}, {@code load} and {@code report}. */
final class ModelSteps {

    private final PlanContext ctx;
    /** Files this plan writes, so a later {@code load} of the same path depends on the {@code save}. */
    private final Map<String, String> saved = new HashMap<>();

    ModelSteps(PlanContext ctx) {
        this.ctx = ctx;
    }

    void train(Statement.Train s) {
        String model = s.target().text();
        String data = s.dataset().text();
        Optional<Block> options = s.options();
        ModelShape shape = ctx.model(model, data, ctx.epochs(model, options));
        if (!shape.isNetwork() && shape.solver() == CostModel.LinearSolver.GRADIENT_DESCENT)
            shape = shape.withIterations(ctx.epochs(model, options));
        ctx.setModel(model, shape);

        List<String> inputs = new ArrayList<>(List.of(ctx.require(data)));
        Shape dataShape = ctx.shape(data);
        int rows = dataShape.rows();
        Optional<Expr> validate = Values.get(options, "validate");
        if (validate.isPresent() && validate.get() instanceof Expr.NumberLit f && rows >= 0)
            rows = (int) Math.round(rows * (1 - f.value()));
        else if (validate.isPresent() && validate.get() instanceof Expr.Ref r)
            ctx.graph.current(r.path().toString()).ifPresent(inputs::add);

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model", ctx.modelText(model));
        options.ifPresent(b -> settings.put("options", ExprText.of(b)));
        ctx.referencedDeclarations(options, settings);
        String out = ctx.graph.produce(model, ArtifactKind.MODEL, shape.kind(), Shape.UNKNOWN);
        Map<String, String> details = new LinkedHashMap<>();
        if (shape.iterations() >= 0 && (shape.isNetwork() || shape.solver() != CostModel.LinearSolver.CLOSED_FORM))
            details.put(shape.isNetwork() || shape.solver() == CostModel.LinearSolver.GRADIENT_DESCENT ? "epochs" : "max_iter",
                    PlanFormat.number(shape.iterations()));
        ctx.graph.add(Step.of(ctx.id(""), StepKind.TRAIN, "train " + model + " on " + data, inputs, List.of(out),
                ctx.statement(), s.span(), null, ctx.seed(Values.get(options, "seed"), SeedSequence.NONE, SeedSequence.NONE, SeedSequence.NONE),
                settings, new StepAttributes(dataShape.withRows(rows), shape.parameters(), 1, shape.fit(rows), details)));
    }

    void evaluate(Statement.Evaluate s) {
        String data = s.dataset().text();
        Shape shape = ctx.shape(data);
        for (Name target : s.targets()) {
            String model = target.text();
            ModelShape m = ctx.model(model, data, -1);
            String in = ctx.require(model);
            String out = ctx.graph.internal(ctx.id(model + ".metrics"), ArtifactKind.METRICS, "metrics of " + model + " on " + data, Shape.UNKNOWN);
            ctx.graph.add(Step.of(ctx.id(model), StepKind.EVALUATE, "evaluate " + model + " on " + data,
                    List.of(in, ctx.require(data)), List.of(out), ctx.statement(), s.span(), null,
                    OptionalLong.empty(), Map.of("metrics", ExprText.of(s.metrics())),
                    new StepAttributes(shape, m.parameters(), 0, CostModel.predict(m.forward(), shape.rows()), Map.of())));
        }
    }

    void save(Statement.Save s) {
        String model = s.target().text();
        String path = s.path().value();
        String in = ctx.require(model);
        String out = ctx.graph.internal(ctx.id("file"), ArtifactKind.FILE, path, Shape.UNKNOWN);
        saved.put(path, out);
        ctx.graph.add(Step.of(ctx.id(""), StepKind.SAVE, "save " + model + " to " + path, List.of(in), List.of(out),
                ctx.statement(), s.span(), null, OptionalLong.empty(), Map.of("path", path),
                new StepAttributes(Shape.UNKNOWN, ctx.model(model, null, -1).parameters(), 0, 0, Map.of())));
    }

    void load(Statement.Load s) {
        String name = s.name().text();
        String path = s.path().value();
        String in = saved.containsKey(path) ? saved.get(path) : ctx.graph.external("file:" + path, ArtifactKind.FILE, path);
        ModelInfo info = ctx.program.models().get(name);
        String out = ctx.graph.produce(name, ArtifactKind.MODEL, info == null ? "model" : info.kind(), Shape.UNKNOWN);
        ctx.graph.add(Step.of(ctx.id(""), StepKind.LOAD_MODEL, "load " + name + " from " + path, List.of(in), List.of(out),
                ctx.statement(), s.span(), null, OptionalLong.empty(), Map.of("path", path),
                new StepAttributes(Shape.UNKNOWN, info == null ? -1 : info.parameters(), 0, 0, Map.of())));
    }

    void report(Statement.Report s) {
        List<String> inputs = new ArrayList<>(ctx.graph.written(ArtifactKind.METRICS));
        inputs.addAll(ctx.graph.written(ArtifactKind.SEARCH_RESULT));
        String file = Values.get(s.options(), "file").map(Values::name).orElse("report");
        String out = ctx.graph.internal(ctx.id("report"), ArtifactKind.REPORT, file, Shape.UNKNOWN);
        Map<String, String> settings = new LinkedHashMap<>();
        s.options().ifPresent(b -> settings.put("options", ExprText.of(b)));
        ctx.graph.add(Step.of(ctx.id(""), StepKind.REPORT, "report " + file, inputs, List.of(out), ctx.statement(),
                s.span(), null, OptionalLong.empty(), settings, StepAttributes.none()));
    }
}
