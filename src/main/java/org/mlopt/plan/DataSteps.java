package org.mlopt.plan;

import org.mlopt.ast.Expr;
import org.mlopt.ast.Statement;
import org.mlopt.check.DatasetInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Plans {@code data}, {@code split} and {@code preprocess} statements. */
final class DataSteps {

    private final PlanContext ctx;

    DataSteps(PlanContext ctx) {
        this.ctx = ctx;
    }

    void data(Statement.Data s) {
        String name = s.name().text();
        Expr.Call source = s.source();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source", ExprText.of(source));
        List<String> inputs = new ArrayList<>();
        OptionalLong seed = OptionalLong.empty();
        DatasetInfo info = ctx.dataset(name);
        if (source.callee().text().equals("csv")) {
            String path = Values.arg(source, "path", 0).map(Values::name).orElse("?");
            if (info != null && info.file() != null) settings.put("file", info.file().toString());
            inputs.add(ctx.graph.external("file:" + path, ArtifactKind.FILE, path));
        } else {
            seed = ctx.seed(Values.arg(source, "seed", -1), SeedSequence.NONE, SeedSequence.NONE, SeedSequence.NONE);
        }
        Shape shape = ctx.shape(name);
        String out = ctx.graph.produce(name, ArtifactKind.DATASET, describe(info), shape);
        ctx.graph.add(Step.of(ctx.id(""), StepKind.LOAD_DATA, "load " + name + " = " + source.callee().text(), inputs,
                List.of(out), ctx.statement(), s.span(), null, seed, settings,
                new StepAttributes(shape, -1, 0, 0, Map.of())));
    }

    private static String describe(DatasetInfo info) {
        if (info == null) return "dataset";
        String task = info.task() == null ? "" : info.task().label();
        return info.classes().isEmpty() ? task : task + " (" + info.classes().size() + " classes)";
    }

    void split(Statement.Split s) {
        String parent = s.dataset().text();
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> outputs = new ArrayList<>();
        StringBuilder parts = new StringBuilder();
        Shape parentShape = ctx.shape(parent);
        for (Statement.SplitPart p : s.parts()) {
            String part = p.name().text();
            double fraction = p.fraction() instanceof Expr.NumberLit n ? n.value() : Double.NaN;
            settings.put("part." + part, ExprText.of(p.fraction()));
            Shape shape = (ctx.dataset(part) != null ? ctx.shape(part) : parentShape)
                    .withRows(partRows(s, p, parentShape.rows(), fraction));
            ctx.setShape(part, shape);
            outputs.add(ctx.graph.produce(part, ArtifactKind.DATASET, "part of " + parent, shape));
            if (parts.length() > 0) parts.append(", ");
            parts.append(part).append(' ').append(ExprText.of(p.fraction()));
        }
        s.options().ifPresent(b -> settings.put("options", ExprText.of(b)));
        boolean shuffle = Values.bool(Values.get(s.options(), "shuffle"), true);
        OptionalLong seed = shuffle ? ctx.seed(Values.get(s.options(), "seed"), SeedSequence.NONE, SeedSequence.NONE, SeedSequence.NONE)
                : OptionalLong.empty();
        String input = ctx.require(parent);
        ctx.graph.add(Step.of(ctx.id(""), StepKind.SPLIT, "split " + parent + " -> " + parts, List.of(input), outputs,
                ctx.statement(), s.span(), null, seed, settings, new StepAttributes(parentShape, -1, 0, 0, Map.of())));
    }

    /**
     * Rows of a split part. Two parts with one test part follow scikit-learn's
     * {@code train_test_split}: the test part gets {@code ceil(fraction * n)} rows, the other the
     * rest (569 rows at 0.75/0.25 give 426 and 143). Other splits are estimated as {@code round(fraction * n)}.
     */
    static int partRows(Statement.Split s, Statement.SplitPart part, int n, double fraction) {
        if (n < 0 || Double.isNaN(fraction)) return -1;
        List<Statement.SplitPart> parts = s.parts();
        Statement.SplitPart test = null;
        for (Statement.SplitPart p : parts) if (p.name().text().startsWith("test")) test = test == null ? p : null;
        if (parts.size() == 2 && test != null && test.fraction() instanceof Expr.NumberLit f) {
            int testRows = (int) Math.ceil(f.value() * n - 1e-9);
            return part == test ? testRows : n - testRows;
        }
        return (int) Math.round(n * fraction);
    }

    void preprocess(Statement.Preprocess s) {
        String fitOn = s.fitOn().text();
        Map<String, String> settings = new LinkedHashMap<>();
        StringBuilder steps = new StringBuilder();
        boolean oneHot = false;
        for (Expr.Call c : s.steps()) {
            if (steps.length() > 0) steps.append(", ");
            steps.append(ExprText.of(c));
            oneHot |= c.callee().text().equals("one_hot");
        }
        settings.put("steps", steps.toString());
        Shape fitShape = ctx.shape(fitOn);
        String transform = ctx.graph.internal(ctx.id("transform"), ArtifactKind.TRANSFORM, "fitted " + steps, Shape.UNKNOWN);
        ctx.graph.add(Step.of(ctx.id("fit"), StepKind.FIT_PREPROCESS, "fit " + steps + " on " + fitOn,
                List.of(current(fitOn)), List.of(transform), ctx.statement(), s.span(), null, OptionalLong.empty(), settings,
                new StepAttributes(fitShape, -1, 0, CostModel.preprocessFit(fitShape), Map.of())));
        for (String part : siblings(fitOn)) {
            Shape before = ctx.shape(part);
            Shape after = oneHot ? new Shape(before.rows(), -1) : before;
            ctx.setShape(part, after);
            String in = current(part);
            String out = ctx.graph.produce(part, ArtifactKind.DATASET, "preprocessed", after);
            ctx.graph.add(Step.of(ctx.id("apply." + part), StepKind.APPLY_PREPROCESS, "apply to " + part,
                    List.of(in, transform), List.of(out), ctx.statement(), s.span(), null, OptionalLong.empty(),
                    Map.of("steps", steps.toString()), new StepAttributes(before, -1, 0, CostModel.preprocessApply(before), Map.of())));
        }
    }

    private String current(String dataset) {
        return ctx.require(dataset);
    }

    /** Every part of the split that produced {@code part}, in split order; just {@code part} when it was not split. */
    private List<String> siblings(String part) {
        Optional<Statement> decl = ctx.declaration(part);
        if (decl.isPresent() && decl.get() instanceof Statement.Split sp) {
            List<String> out = new ArrayList<>();
            for (Statement.SplitPart p : sp.parts()) out.add(p.name().text());
            return out;
        }
        return List.of(part);
    }
}
