package org.mlopt.plan;

import org.mlopt.ast.Expr;
import org.mlopt.ast.Statement;
import org.mlopt.check.DatasetInfo;
import org.mlopt.check.ModelInfo;
import org.mlopt.schema.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * What the cost model needs to know about a model: its kind, widths and how it is fitted.
 * Search candidates and pruning derive changed copies ({@link #withLayer}, {@link #withIterations}).
 *
 * @param kind       component name, or {@code network}
 * @param inputs     input width (-1 unknown)
 * @param outputs    output width (-1 unknown)
 * @param layers     dense widths of a network, output last; empty for linear models
 * @param solver     how a linear model is fitted; null for networks
 * @param iterations epochs (networks, gradient descent) or {@code max_iter}; -1 when unknown
 * @param intercept  whether a linear model fits an intercept
 */
record ModelShape(String kind, int inputs, int outputs, List<Integer> layers, CostModel.LinearSolver solver,
                  double iterations, boolean intercept) {

    ModelShape {
        layers = List.copyOf(layers);
    }

    boolean isNetwork() {
        return kind.equals("network");
    }

    /** Builds the shape of a declared model trained on {@code data}; {@code epochs} comes from its training settings. */
    static ModelShape of(Statement declaration, ModelInfo info, DatasetInfo data, double epochs) {
        int features = data == null ? -1 : data.features();
        if (declaration instanceof Statement.Network n) {
            List<Integer> layers = info != null && !info.layers().isEmpty() ? info.layers() : denseWidths(n);
            int in = info != null && info.inputs() >= 0 ? info.inputs() : features;
            int out = layers.isEmpty() ? -1 : layers.get(layers.size() - 1);
            return new ModelShape("network", in, out, layers, null, epochs, true);
        }
        if (declaration instanceof Statement.Model m) {
            String kind = m.spec().callee().text();
            boolean regression = data != null && data.task() == Task.REGRESSION;
            int outputs = data == null ? -1 : CostModel.linearOutputs(regression, data.classes().size());
            boolean intercept = Values.bool(Values.arg(m.spec(), "fit_intercept", -1), true);
            String solverName = Values.arg(m.spec(), "solver", -1).map(Values::name).orElse("");
            CostModel.LinearSolver solver;
            double iterations;
            if (kind.equals("lasso") || kind.equals("elastic_net")) {
                solver = CostModel.LinearSolver.COORDINATE_DESCENT;
                iterations = Values.number(Values.arg(m.spec(), "max_iter", -1), 1000);
            } else if (kind.equals("logistic_regression")) {
                solver = CostModel.LinearSolver.QUASI_NEWTON;
                iterations = Values.number(Values.arg(m.spec(), "max_iter", -1), 100);
            } else if (solverName.equals("gd")) {
                solver = CostModel.LinearSolver.GRADIENT_DESCENT;
                iterations = epochs;
            } else {
                solver = CostModel.LinearSolver.CLOSED_FORM;
                iterations = 1;
            }
            return new ModelShape(kind, features, outputs, List.of(), solver, iterations, intercept);
        }
        // A loaded model: only what the checker read from the file's header.
        if (info != null)
            return new ModelShape(info.kind(), info.inputs(), info.outputs(), info.layers(),
                    info.isNetwork() ? null : CostModel.LinearSolver.CLOSED_FORM, -1, true);
        return new ModelShape("unknown", features, -1, List.of(), CostModel.LinearSolver.CLOSED_FORM, -1, true);
    }

    static List<Integer> denseWidths(Statement.Network n) {
        List<Integer> out = new ArrayList<>();
        for (Expr.Call c : n.body().bareCalls())
            if (c.callee().text().equals("dense"))
                out.add((int) Values.number(Values.arg(c, "units", 0), -1));
        return out;
    }

    ModelShape withLayer(int index, int units) {
        if (index < 0 || index >= layers.size()) return this;
        List<Integer> changed = new ArrayList<>(layers);
        changed.set(index, units);
        return new ModelShape(kind, inputs, index == layers.size() - 1 ? units : outputs, changed, solver, iterations, intercept);
    }

    ModelShape withLayers(List<Integer> widths) {
        return new ModelShape(kind, inputs, widths.isEmpty() ? outputs : widths.get(widths.size() - 1), widths, solver, iterations, intercept);
    }

    ModelShape withIterations(double value) {
        return new ModelShape(kind, inputs, outputs, layers, solver, value, intercept);
    }

    long parameters() {
        if (isNetwork()) return CostModel.networkParameters(inputs, layers);
        return CostModel.linearParameters(inputs, outputs, intercept);
    }

    /** FLOPs to predict one row. */
    double forward() {
        if (isNetwork()) return CostModel.networkForward(inputs, layers);
        return inputs < 0 || outputs < 0 ? -1 : 2.0 * inputs * outputs;
    }

    /** FLOPs to fit on {@code rows} rows. */
    double fit(int rows) {
        if (isNetwork()) return iterations < 0 ? -1 : CostModel.networkTraining(inputs, layers, rows, iterations);
        if (solver != CostModel.LinearSolver.CLOSED_FORM && iterations < 0) return -1;
        return CostModel.linearFit(solver, rows, inputs, outputs, iterations);
    }
}
