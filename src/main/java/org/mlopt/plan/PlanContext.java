package org.mlopt.plan;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Span;
import org.mlopt.ast.Statement;
import org.mlopt.check.CheckedProgram;
import org.mlopt.check.DatasetInfo;
import org.mlopt.check.ModelInfo;
import org.mlopt.check.Symbol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the statement planners share: the checked program, the run seed, the graph being built,
 * the current shape of every dataset and model, and the statement being planned.
 */
final class PlanContext {

    final CheckedProgram program;
    final GraphBuilder graph = new GraphBuilder();
    private final long runSeed;
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Map<String, ModelShape> models = new HashMap<>();
    private int statement;

    PlanContext(CheckedProgram program, long runSeed) {
        this.program = program;
        this.runSeed = runSeed;
    }

    long runSeed() {
        return runSeed;
    }

    void at(int statementIndex) {
        this.statement = statementIndex;
    }

    int statement() {
        return statement;
    }

    Span span() {
        return program.ast().statements().get(statement).span();
    }

    /**
     * The current artifact of a dataset or model. A name without one means the checker let through
     * a use before definition (E203/E407); the planner stops with a message naming the statement.
     */
    String require(String name) {
        return graph.current(name).orElseThrow(() -> new IllegalStateException("statement " + (statement + 1) + " (line "
                + span().line() + ") uses " + name + ", which no earlier statement produces"
                + " (a model must be trained, searched with refit, distilled, pruned or loaded first)"));
    }

    /** Step ids number statements from 1, as a reader counts them. */
    String id(String suffix) {
        return "s" + (statement + 1) + (suffix.isEmpty() ? "" : "." + suffix);
    }

    DatasetInfo dataset(String name) {
        return program.datasets().get(name);
    }

    Shape shape(String dataset) {
        Shape s = shapes.get(dataset);
        if (s != null) return s;
        DatasetInfo info = dataset(dataset);
        return info == null ? Shape.UNKNOWN : new Shape(info.estimatedRows(), info.features());
    }

    void setShape(String dataset, Shape shape) {
        shapes.put(dataset, shape);
    }

    /** The statement declaring a name (the split statement for split parts). */
    Optional<Statement> declaration(String name) {
        Symbol s = program.symbols().get(name);
        if (s != null && s.declaredBy() != null) return Optional.of(s.declaredBy());
        for (Statement st : program.ast().statements()) {
            if (st.declared().map(n -> n.text().equals(name)).orElse(false)) return Optional.of(st);
            if (st instanceof Statement.Split sp)
                for (Statement.SplitPart p : sp.parts()) if (p.name().text().equals(name)) return Optional.of(st);
        }
        return Optional.empty();
    }

    /** The first {@code train NAME on ...} statement of a model, whose settings searches reuse. */
    Optional<Statement.Train> trainOf(String model) {
        for (Statement st : program.ast().statements())
            if (st instanceof Statement.Train t && t.target().text().equals(model)) return Optional.of(t);
        return Optional.empty();
    }

    /** Epochs a model trains for: the block's own setting, else its train statement's, else -1 (unknown). */
    double epochs(String model, Optional<Block> block) {
        double own = Values.number(Values.get(block, "epochs"), -1);
        if (own >= 0) return own;
        return trainOf(model).map(t -> Values.number(Values.get(t.options(), "epochs"), -1)).orElse(-1.0);
    }

    /** The model's current shape; created from its declaration and the checker's info on first use. */
    ModelShape model(String name, String datasetName, double epochs) {
        ModelShape known = models.get(name);
        if (known != null) return epochs >= 0 && known.isNetwork() ? known.withIterations(epochs) : known;
        ModelInfo info = program.models().get(name);
        Statement decl = declaration(name).orElse(null);
        ModelShape shape = ModelShape.of(decl, info, datasetName == null ? null : dataset(datasetName), epochs);
        Shape data = datasetName == null ? Shape.UNKNOWN : shape(datasetName);
        if (shape.inputs() < 0 && data.features() >= 0)
            shape = new ModelShape(shape.kind(), data.features(), shape.outputs(), shape.layers(), shape.solver(),
                    shape.iterations(), shape.intercept());
        return shape;
    }

    void setModel(String name, ModelShape shape) {
        models.put(name, shape);
    }

    /**
     * A step's seed. A statement's own {@code seed:} wins (used as is for the statement's main
     * step, so {@code split ... { seed: 0 }} is scikit-learn's {@code random_state=0}); otherwise the
     * seed derives from (run seed, statement index, trial, fold, phase).
     */
    OptionalLong seed(Optional<Expr> explicit, long trial, long fold, long phase) {
        if (explicit.isPresent() && explicit.get() instanceof Expr.NumberLit n) {
            long s = (long) n.value();
            if (trial == SeedSequence.NONE && fold == SeedSequence.NONE && phase == SeedSequence.NONE) return OptionalLong.of(s);
            return OptionalLong.of(SeedSequence.of(s).child(trial).child(fold).child(phase).seed());
        }
        return OptionalLong.of(SeedSequence.derive(runSeed, statement, trial, fold, phase));
    }

    /** The declaration text of every declared name a block refers to, so a cache key sees changes to {@code opt}. */
    void referencedDeclarations(Optional<Block> block, Map<String, String> settings) {
        block.ifPresent(b -> {
            for (Block.Keyed k : b.keyed()) {
                if (k.value() instanceof Expr.Ref r && r.path().isSimple())
                    declaration(r.path().head().text()).ifPresent(d -> {
                        if (d instanceof Statement.Decl decl) settings.put("ref." + decl.name().text(), ExprText.of(decl.spec()));
                    });
                if (k.value() instanceof Expr.BlockLit nested) referencedDeclarations(Optional.of(nested.block()), settings);
            }
        });
    }

    /** A model declaration's text, the part of a fit's settings that names what is fitted. */
    String modelText(String name) {
        return declaration(name).map(d -> {
            if (d instanceof Statement.Model m) return ExprText.of(m.spec());
            if (d instanceof Statement.Network n) return "network " + ExprText.of(n.body());
            if (d instanceof Statement.Load l) return "load " + ExprText.of(l.path());
            return d.keyword();
        }).orElse(name);
    }

    List<Statement> statements() {
        return program.ast().statements();
    }
}
