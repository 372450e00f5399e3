package org.mlopt.exec;

import org.mlopt.ast.Block;
import org.mlopt.ast.Expr;
import org.mlopt.ast.Statement;
import org.mlopt.data.Dataset;
import org.mlopt.loss.Loss;
import org.mlopt.metric.MetricValue;
import org.mlopt.metric.Metrics;
import org.mlopt.metric.Predictions;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;
import org.mlopt.plan.Step;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Task;
import org.mlopt.train.History;
import org.mlopt.train.TrainConfig;
import org.mlopt.train.Trainer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Training and evaluation steps. */
final class ModelSteps {

    private final Declarations declarations;
    private final Binder binder;
    private final RunOptions options;
    private final RunListener listener;

    ModelSteps(Declarations declarations, Binder binder, RunOptions options, RunListener listener) {
        this.declarations = declarations;
        this.binder = binder;
        this.options = options;
        this.listener = listener;
    }

    StepResult train(Step step, Statement.Train s, Map<String, Object> artifacts) {
        String name = s.target().text();
        Dataset data = (Dataset) artifacts.get(step.inputs().get(0));
        Dataset validation = step.inputs().size() > 1 ? (Dataset) artifacts.get(step.inputs().get(1)) : null;
        Bound settings = trainSettings(binder, s);
        long seed = settings.has("seed") ? settings.integer("seed") : step.seed().orElse(0) & 0xFFFFFFFFL;
        Fitted fitted = fit(declarations, binder, name, settings, data, validation, seed, Map.of(), step, s.span());
        artifacts.put(step.outputs().get(0), fitted.model());
        Map<String, Object> metrics = new LinkedHashMap<>();
        List<Map<String, Double>> history = fitted.history();
        if (!history.isEmpty())
            for (Map.Entry<String, Double> e : history.get(history.size() - 1).entrySet())
                if (!e.getKey().equals("epoch") && !e.getKey().equals("lr")) metrics.put(e.getKey(), e.getValue());
        Map<String, Object> details = new LinkedHashMap<>(fitted.model().summary());
        String warning = Divergence.check(name, history);
        if (warning != null) details.put("warning", warning);
        return new StepResult(step.id(), "train", name, s.dataset().text(), metrics, details, history);
    }

    static Bound trainSettings(Binder binder, Statement.Train s) {
        return s == null ? binder.defaults("train", Kind.STATEMENT)
                : s.options().map(b -> binder.block("train", Kind.STATEMENT, b)).orElse(binder.defaults("train", Kind.STATEMENT));
    }

    /** A fitted model and its per-epoch history (empty for closed-form models). */
    record Fitted(TrainedModel model, List<Map<String, Double>> history) {}

    /**
     * Fits model {@code name} as declared in {@code declarations} with the given training settings.
     *
     * @param layerUnits replacement widths of dense layers by index (from a search), usually empty
     * @param step       the step to report epochs for, or null to report nothing
     */
    Fitted fit(Declarations declarations, Binder binder, String name, Bound settings, Dataset data, Dataset validation,
               long seed, Map<Integer, Integer> layerUnits, Step step, org.mlopt.ast.Span span) {
        return fit(declarations, binder, name, settings, data, validation, seed, layerUnits, step, span, null);
    }

    /**
     * Hooks into a network's training loop: called after every epoch, and polled between batches
     * to stop early (a search's median stopping rule uses both).
     */
    record Hooks(Trainer.EpochListener onEpoch, java.util.function.BooleanSupplier stop) {}

    Fitted fit(Declarations declarations, Binder binder, String name, Bound settings, Dataset data, Dataset validation,
               long seed, Map<Integer, Integer> layerUnits, Step step, org.mlopt.ast.Span span, Hooks hooks) {
        Statement declaration = declarations.get(name);
        try {
            if (declaration instanceof Statement.Network net)
                return trainNetwork(step, declarations, binder, net, settings, data, validation, seed, layerUnits, span, hooks);
            if (declaration instanceof Statement.Model m)
                return new Fitted(LinearModels.fit(binder.call(m.spec(), EnumSet.of(Kind.MODEL)), settings, data, seed), List.of());
            throw new RunFailure(span, "'" + name + "' cannot be trained");
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new RunFailure(span, "training " + name + " failed: " + e.getMessage(), null, e);
        }
    }

    private Fitted trainNetwork(Step step, Declarations declarations, Binder binder, Statement.Network net, Bound settings, Dataset data, Dataset validation,
                                long seed, Map<Integer, Integer> layerUnits, org.mlopt.ast.Span span, Hooks hooks) {
        Block body = net.body();
        Bound networkSettings = binder.block("network", Kind.STATEMENT, body);
        List<Bound> layers = NetworkModels.withUnits(NetworkModels.layers(net, networkSettings, binder, declarations), layerUnits);
        NetworkSpec spec = NetworkModels.spec(networkSettings, layers, data.numFeatures(), seed, net.span());
        Loss loss = NetworkModels.loss(settings.call("loss").orElseThrow(() ->
                new RunFailure(span, "training network '" + net.name().text() + "' needs a loss")));
        java.util.function.BooleanSupplier stop = hooks == null ? options.cancelled()
                : () -> options.cancelled().getAsBoolean() || hooks.stop().getAsBoolean();
        TrainConfig config = NetworkModels.config(settings, data.numRows(), seed, stop);
        Network network = Network.compile(spec);
        int epochs = config.epochs();
        Trainer trainer = new Trainer(network, loss, NetworkModels.optimizer(settings.call("optimizer").orElseThrow(() ->
                new RunFailure(span, "training network '" + net.name().text() + "' needs an optimizer"))), config);
        if (step != null) trainer.onEpoch((epoch, record) -> listener.epoch(step, epoch, epochs, record.metrics()));
        else if (hooks != null && hooks.onEpoch() != null) trainer.onEpoch(hooks.onEpoch());
        org.mlopt.train.Dataset train = NetworkModels.trainingData(data, loss);
        org.mlopt.train.Dataset valid = validation == null ? null : NetworkModels.trainingData(validation, loss);
        History history = NetworkModels.train(trainer, train, valid, span);
        return new Fitted(NetworkModels.trained(network, data, loss, history), NetworkModels.history(history));
    }

    StepResult evaluate(Step step, Statement.Evaluate s, Map<String, Object> artifacts) {
        TrainedModel model = (TrainedModel) artifacts.get(step.inputs().get(0));
        Dataset data = (Dataset) artifacts.get(step.inputs().get(1));
        List<Expr> requested = s.metrics() instanceof Expr.ListLit l ? l.items() : List.of(s.metrics());
        Map<String, Object> metrics = metrics(binder, model, data, requested);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rows", data.numRows());
        if (model.task() == Task.BINARY) {
            // The ROC curve of the positive (second) class, for reports.
            TrainedModel.Output out = model.predict(data);
            if (out.probabilities() != null) {
                double[] p1 = new double[data.numRows()];
                for (int i = 0; i < p1.length; i++) p1[i] = out.probabilities().get(i, 1);
                details.put("roc", RocCurve.of(data.labels(), p1, model.classes().get(1)));
            }
        }
        return new StepResult(step.id(), "evaluate", modelName(step), s.dataset().text(), metrics, details, List.of());
    }

    /** The requested metrics of {@code model} on {@code data}, keyed by name as written. */
    static Map<String, Object> metrics(Binder binder, TrainedModel model, Dataset data, List<Expr> requested) {
        TrainedModel.Output out = model.predict(data);
        Predictions predictions = model.task() == Task.REGRESSION
                ? Predictions.regression(data.target(), out.values())
                : Predictions.classification(model.classes(), data.labels(), out.labels(), out.probabilities());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Expr e : requested) {
            Expr.Call call = MetricNames.call(e);
            Bound params = binder.given(call, EnumSet.of(Kind.METRIC));
            String key = MetricNames.key(call, metrics.keySet());
            if (call.callee().text().equals(Metrics.PARAMS)) {
                metrics.put(key, (double) model.nonZeroParameters());
                continue;
            }
            try {
                MetricValue v = Metrics.compute(call.callee().text(), params.values(), predictions);
                metrics.put(key, v instanceof MetricValue.Scalar sc ? (Object) sc.value() : MetricNames.matrix((MetricValue.Matrix) v));
            } catch (IllegalArgumentException ex) {
                throw new RunFailure(e.span(), ex.getMessage(), null, ex);
            }
        }
        return metrics;
    }

    /** The evaluated model's name: the step's label reads {@code evaluate NAME on DATA}. */
    private static String modelName(Step step) {
        String[] words = step.label().split(" ");
        return words.length > 1 ? words[1] : step.id();
    }
}
