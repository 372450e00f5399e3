package org.mlopt.exec;

import org.ejml.data.DMatrixRMaj;
import org.mlopt.data.Dataset;
import org.mlopt.linear.ElasticNet;
import org.mlopt.linear.Lasso;
import org.mlopt.linear.LinearModel;
import org.mlopt.linear.LinearRegression;
import org.mlopt.linear.LogisticModel;
import org.mlopt.linear.LogisticRegression;
import org.mlopt.linear.LogisticSolver;
import org.mlopt.linear.Penalty;
import org.mlopt.linear.Ridge;
import org.mlopt.schema.Task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Fits the scikit-learn-style models of {@code org.mlopt.linear} from their bound specs. */
final class LinearModels {

    private LinearModels() {}

    /**
     * @param spec    the model's component call, defaults filled in
     * @param options the train statement's settings (used by gradient-descent solvers)
     */
    static TrainedModel fit(Bound spec, Bound options, Dataset data, long seed) {
        return switch (spec.name()) {
            case "linear_regression" -> regressor(spec.name(), linearRegression(spec, options, data, seed).fit(data.features(), data.target()));
            case "ridge" -> {
                Ridge ridge = new Ridge(spec.number("alpha"), spec.bool("fit_intercept", true));
                if (!spec.optionalWord("solver").orElse("closed_form").equals("gd"))
                    yield regressor("ridge", ridge.fit(data.features(), data.target()));
                Bound optimizer = options.call("optimizer").orElseThrow(() ->
                        new RunFailure(options.span(), "ridge(solver: gd) needs an optimizer in its train block"));
                yield regressor("ridge", ridge.fitByGradientDescent(data.features(), data.target(), optimizer.number("lr"),
                        options.integer("epochs", 100), Batching.batchSize(options, data.numRows()), seed));
            }
            case "lasso" -> regressor("lasso", new Lasso(spec.number("alpha"), spec.bool("fit_intercept", true),
                    spec.integer("max_iter", 1000), spec.number("tol", 1e-4)).fit(data.features(), data.target()));
            case "elastic_net" -> regressor("elastic_net", new ElasticNet(spec.number("alpha"), spec.number("l1_ratio", 0.5),
                    spec.bool("fit_intercept", true), spec.integer("max_iter", 1000), spec.number("tol", 1e-4))
                    .fit(data.features(), data.target()));
            case "logistic_regression" -> classifier(logistic(spec), data);
            default -> throw new RunFailure(spec.span(), "model '" + spec.name() + "' cannot be trained yet");
        };
    }

    static LogisticRegression logistic(Bound spec) {
        Penalty penalty = switch (spec.optionalWord("penalty").orElse("l2")) {
            case "l1" -> Penalty.L1;
            case "elastic_net" -> Penalty.ELASTIC_NET;
            case "none" -> Penalty.NONE;
            default -> Penalty.L2;
        };
        LogisticSolver solver = switch (spec.optionalWord("solver").orElse("auto")) {
            case "liblinear" -> LogisticSolver.LIBLINEAR;
            case "lbfgs" -> LogisticSolver.LBFGS;
            case "saga" -> LogisticSolver.SAGA;
            default -> LogisticSolver.AUTO;
        };
        // The solvers run to the regularised optimum; the tolerance only tightens, never loosens, that.
        double tol = Math.min(spec.number("tol", 1e-4), 1e-10);
        int maxIter = Math.max(spec.integer("max_iter", 100), 1000);
        return new LogisticRegression(spec.number("C", 1.0), penalty, spec.number("l1_ratio", 0.5), solver, tol, maxIter);
    }

    private static LinearRegression linearRegression(Bound spec, Bound options, Dataset data, long seed) {
        boolean intercept = spec.bool("fit_intercept", true);
        if (!spec.optionalWord("solver").orElse("closed_form").equals("gd"))
            return new LinearRegression(LinearRegression.Solver.QR, 0, 0, 0, seed, intercept);
        Bound optimizer = options.call("optimizer").orElseThrow(() ->
                new RunFailure(options.span(), "linear_regression(solver: gd) needs an optimizer in its train block"));
        double lr = optimizer.number("lr");
        int epochs = options.integer("epochs", 100);
        int batch = Batching.batchSize(options, data.numRows());
        LinearRegression.Solver solver = batch >= data.numRows() ? LinearRegression.Solver.BATCH_GD
                : batch == 1 ? LinearRegression.Solver.STOCHASTIC_GD : LinearRegression.Solver.MINI_BATCH_GD;
        return new LinearRegression(solver, lr, epochs, Math.max(1, batch), seed, intercept);
    }

    private static TrainedModel regressor(String kind, LinearModel fitted) {
        return new Regressor(kind, fitted);
    }

    private static TrainedModel classifier(LogisticRegression spec, Dataset data) {
        LogisticModel fitted = spec.fit(data.features(), data.labels());
        return new Classifier(fitted, data.task(), data.classes(), spec.resolve(data.classes().size()).name().toLowerCase(Locale.ROOT));
    }

    /** A fitted linear regressor (linear_regression, ridge, lasso, elastic_net). */
    record Regressor(String kind, LinearModel fitted) implements TrainedModel {
        public Task task() { return Task.REGRESSION; }

        public List<String> classes() { return List.of(); }

        public Output predict(Dataset d) { return new Output(null, null, fitted.predict(d.features())); }

        public long nonZeroParameters() { return fitted.nonzeros() + (fitted.intercept() != 0 ? 1 : 0); }

        public Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("parameters", fitted.coef().length + 1);
            s.put("nonzero_coefficients", fitted.nonzeros());
            if (fitted.nIter() > 0) s.put("iterations", fitted.nIter());
            s.put("coefficients", fitted.coef());
            s.put("intercept", fitted.intercept());
            return s;
        }
    }

    /** A fitted logistic regression. */
    record Classifier(LogisticModel fitted, Task task, List<String> classes, String solver) implements TrainedModel {
        public String kind() { return "logistic_regression"; }

        public Output predict(Dataset d) {
            DMatrixRMaj x = d.features();
            return new Output(fitted.predict(x), fitted.predictProba(x), null);
        }

        public long nonZeroParameters() {
            long n = 0;
            for (double c : fitted.coef().data) if (c != 0) n++;
            for (double b : fitted.intercept()) if (b != 0) n++;
            return n;
        }

        public Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("parameters", fitted.coef().getNumElements() + fitted.intercept().length);
            if (fitted.nIter() > 0) s.put("iterations", fitted.nIter());
            if (solver != null) s.put("solver", solver);
            return s;
        }
    }
}
