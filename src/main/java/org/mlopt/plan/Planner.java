package org.mlopt.plan;

import org.mlopt.ast.Statement;
import org.mlopt.check.CheckedProgram;

/**
 * Compiles a checked program into an {@link ExecutionGraph}. Declarations (models, networks,
 * losses, optimizers, ...) produce no steps: the steps that use them carry their text in their
 * settings. The program must have passed the checker; the planner does not repeat its checks.
 */
public final class Planner implements Statement.Visitor<Void> {

    private final PlanContext ctx;
    private final DataSteps data;
    private final ModelSteps models;
    private final SearchPlanner search;
    private final PrunePlanner prune;
    private final DistillPlanner distill;

    private Planner(CheckedProgram program, long runSeed) {
        ctx = new PlanContext(program, runSeed);
        data = new DataSteps(ctx);
        models = new ModelSteps(ctx);
        search = new SearchPlanner(ctx);
        prune = new PrunePlanner(ctx);
        distill = new DistillPlanner(ctx);
    }

    /** Plans with run seed 0, the default of {@code mlopt run}. */
    public static ExecutionGraph plan(CheckedProgram program) {
        return plan(program, 0);
    }

    /** Plans with the run seed of {@code mlopt run --seed N}. */
    public static ExecutionGraph plan(CheckedProgram program, long runSeed) {
        Planner p = new Planner(program, runSeed);
        int i = 0;
        for (Statement s : program.ast().statements()) {
            p.ctx.at(i++);
            s.accept(p);
        }
        double flops = p.ctx.graph.totalFlops();
        if (TimeClass.of(flops).compareTo(TimeClass.HOURS) >= 0)
            p.ctx.graph.warn("the plan is estimated at " + PlanFormat.flops(flops) + ", "
                    + TimeClass.of(flops).label() + " of computation at " + PlanFormat.flops(CostModel.FLOPS_PER_SECOND) + "/s");
        return p.ctx.graph.build(program.ast().sourceName(), runSeed);
    }

    public Void visitData(Statement.Data s) { data.data(s); return null; }

    public Void visitSplit(Statement.Split s) { data.split(s); return null; }

    public Void visitPreprocess(Statement.Preprocess s) { data.preprocess(s); return null; }

    public Void visitModel(Statement.Model s) { return null; }

    public Void visitNetwork(Statement.Network s) { return null; }

    public Void visitDecl(Statement.Decl s) { return null; }

    public Void visitTrain(Statement.Train s) { models.train(s); return null; }

    public Void visitEvaluate(Statement.Evaluate s) { models.evaluate(s); return null; }

    public Void visitSearch(Statement.Search s) { search.plan(s); return null; }

    public Void visitPrune(Statement.Prune s) { prune.plan(s); return null; }

    public Void visitDistill(Statement.Distill s) { distill.plan(s); return null; }

    public Void visitSave(Statement.Save s) { models.save(s); return null; }

    public Void visitLoad(Statement.Load s) { models.load(s); return null; }

    public Void visitReport(Statement.Report s) { models.report(s); return null; }
}
