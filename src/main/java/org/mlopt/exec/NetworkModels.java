package org.mlopt.exec;

import org.ejml.data.DMatrixRMaj;
import org.mlopt.ast.Span;
import org.mlopt.ast.Statement;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;
import org.mlopt.data.Dataset;
import org.mlopt.loss.Loss;
import org.mlopt.nn.DenseLayerSpec;
import org.mlopt.nn.Initializer;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;
import org.mlopt.optim.Adagrad;
import org.mlopt.optim.Adam;
import org.mlopt.optim.LrSchedule;
import org.mlopt.optim.Optimizer;
import org.mlopt.optim.Regularizer;
import org.mlopt.optim.RmsProp;
import org.mlopt.optim.Sgd;
import org.mlopt.schema.Component;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Param;
import org.mlopt.schema.Registry;
import org.mlopt.schema.Task;
import org.mlopt.train.DivergenceException;
import org.mlopt.train.EarlyStopping;
import org.mlopt.train.EpochRecord;
import org.mlopt.train.History;
import org.mlopt.train.MonitoredSchedule;
import org.mlopt.train.TrainConfig;
import org.mlopt.train.Trainer;
import org.mlopt.train.ValidationMetric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds networks, losses and optimizers from bound settings and trains them with {@code org.mlopt.train}. */
final class NetworkModels {

    private NetworkModels() {}

    /**
     * The layer calls of a network, bound: its own, or for {@code like: other} the other network's
     * with every hidden dense layer scaled by {@code width} (at least one unit; the output layer whole).
     */
    static List<Bound> layers(Statement.Network net, Bound settings, Binder binder, Declarations declarations) {
        Statement.Network source = net;
        double width = 1.0;
        if (settings.optionalWord("like").isPresent()) {
            source = (Statement.Network) declarations.get(settings.word("like"));
            width = settings.number("width", 1.0);
        }
        List<Bound> layers = new ArrayList<>();
        for (org.mlopt.ast.Expr.Call c : source.body().bareCalls()) layers.add(binder.call(c, java.util.EnumSet.of(org.mlopt.schema.Kind.LAYER)));
        if (source == net || width == 1.0) return layers;
        int lastDense = -1;
        for (int i = 0; i < layers.size(); i++) if (layers.get(i).name().equals("dense")) lastDense = i;
        for (int i = 0; i < layers.size(); i++) {
            Bound layer = layers.get(i);
            if (!layer.name().equals("dense") || i == lastDense) continue;
            Map<String, Object> values = new LinkedHashMap<>(layer.values());
            values.put("units", (double) Math.max(1, Math.round(layer.integer("units") * width)));
            layers.set(i, new Bound(layer.name(), values, layer.span()));
        }
        return layers;
    }

    /** The network's layers from its body, in order; a dropout call adds dropout to the dense layer before it. */
    static NetworkSpec spec(Bound settings, List<Bound> layers, int inputs, long seed, Span span) {
        List<DenseLayerSpec> dense = new ArrayList<>();
        for (Bound layer : layers) {
            switch (layer.name()) {
                case "dense" -> dense.add(new DenseLayerSpec(layer.integer("units"),
                        activation(layer.call("activation").orElse(null), span), 0.0));
                case "dropout" -> {
                    if (dense.isEmpty())
                        throw new RunFailure(layer.span(), "dropout before the first dense layer is not available yet",
                                "put dropout(...) after a dense layer", null);
                    DenseLayerSpec last = dense.remove(dense.size() - 1);
                    dense.add(new DenseLayerSpec(last.units(), last.activation(), layer.number("rate")));
                }
                default -> throw new RunFailure(layer.span(), "layer '" + layer.name() + "' is not available yet");
            }
        }
        Initializer init = switch (settings.optionalWord("init").orElse("torch_default")) {
            case "he" -> Initializer.HE;
            case "xavier" -> Initializer.XAVIER;
            default -> Initializer.TORCH_DEFAULT;
        };
        Precision precision = settings.optionalWord("dtype").orElse("float32").equals("float64") ? Precision.FLOAT64 : Precision.FLOAT32;
        return new NetworkSpec(inputs, dense, init, precision, seed);
    }

    private static Activation activation(Bound a, Span span) {
        if (a == null) return Activation.IDENTITY;
        return switch (a.name()) {
            case "relu" -> Activation.RELU;
            case "leaky_relu" -> {
                if (a.number("slope", Activation.LEAKY_SLOPE) != Activation.LEAKY_SLOPE)
                    throw new RunFailure(a.span(), "leaky_relu supports only slope " + Activation.LEAKY_SLOPE + " so far");
                yield Activation.LEAKY_RELU;
            }
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            case "gelu" -> Activation.GELU;
            case "none" -> Activation.IDENTITY;
            default -> throw new RunFailure(span, "activation '" + a.name() + "' is not available yet");
        };
    }

    static Loss loss(Bound l) {
        return switch (l.name()) {
            case "mse" -> new Loss.MeanSquaredError();
            case "mae" -> new Loss.MeanAbsoluteError();
            case "huber" -> new Loss.Huber(l.number("delta", 1.0));
            case "binary_cross_entropy" -> new Loss.BinaryCrossEntropyWithLogits();
            case "cross_entropy" -> new Loss.CrossEntropy(l.number("label_smoothing", 0.0));
            default -> throw new RunFailure(l.span(), "loss '" + l.name() + "' is not available yet");
        };
    }

    static Optimizer optimizer(Bound o) {
        double lr = o.number("lr");
        double wd = o.number("weight_decay", 0.0);
        return switch (o.name()) {
            case "sgd" -> new Sgd(lr, 0.0, wd, false, Sgd.MomentumForm.PYTORCH);
            case "momentum" -> new Sgd(lr, o.number("gamma", 0.9), wd, false, Sgd.MomentumForm.TUTORIAL);
            case "nesterov" -> new Sgd(lr, o.number("gamma", 0.9), wd, true, Sgd.MomentumForm.PYTORCH);
            case "rmsprop" -> new RmsProp(lr, o.number("rho", 0.99), o.number("eps", 1e-8), wd);
            case "adam" -> new Adam(lr, o.number("beta1", 0.9), o.number("beta2", 0.999), o.number("eps", 1e-8), wd, false);
            case "adamw" -> new Adam(lr, o.number("beta1", 0.9), o.number("beta2", 0.999), o.number("eps", 1e-8),
                    o.number("weight_decay", 0.01), true);
            case "adagrad" -> new Adagrad(lr, 0.0, wd, 0.0, o.number("eps", 1e-10));
            default -> throw new RunFailure(o.span(), "optimizer '" + o.name() + "' is not available yet");
        };
    }

    static Regularizer regularizer(Bound r) {
        double lambda = r.number("lambda");
        return switch (r.name()) {
            case "l1" -> new Regularizer.L1(lambda);
            case "l2" -> new Regularizer.L2(lambda);
            case "elastic_net" -> new Regularizer.ElasticNet(lambda, r.number("l1_ratio", 0.5));
            default -> throw new RunFailure(r.span(), "regularizer '" + r.name() + "' is not available yet");
        };
    }

    static LrSchedule schedule(Bound s, int epochs) {
        return switch (s.name()) {
            case "step" -> new LrSchedule.StepDecay(s.integer("every"), s.number("gamma", 0.1));
            case "exponential" -> new LrSchedule.ExponentialDecay(s.number("gamma"));
            case "cosine" -> new LrSchedule.CosineAnnealing(s.integer("epochs", epochs), s.number("min_lr", 0.0));
            case "warmup" -> new LrSchedule.LinearWarmup(s.integer("epochs"), s.number("start", 0.0), null);
            case "plateau" -> plateau(s);
            default -> throw new RunFailure(s.span(), "schedule '" + s.name() + "' is not available yet");
        };
    }

    /**
     * ReduceLROnPlateau on its metric. By default the trainer reports the validation loss (or the
     * training loss without validation data); any other metric is watched through a
     * {@link MonitoredSchedule}, in the metric's own direction.
     */
    private static LrSchedule plateau(Bound s) {
        Object watched = s.get("metric");
        Monitored m = watched == null || "val_loss".equals(watched) ? null : monitored(watched);
        LrSchedule plateau = new org.mlopt.optim.ReduceOnPlateau(m != null && m.maximize(), s.number("factor", 0.1),
                s.integer("patience", 10), 1e-4, s.number("min_lr", 0.0));
        return m == null ? plateau : new MonitoredSchedule(plateau, m.key(), m.metric());
    }

    /**
     * A watched value as the script gives it: {@code val_loss}, {@code loss} (the training loss),
     * {@code val_NAME} (metric NAME with its defaults on the validation data) or a metric, bare or
     * called ({@code f1(average: macro)}), meaning that metric on the validation data.
     */
    record Monitored(String key, boolean maximize, ValidationMetric metric) {}

    static Monitored monitored(Object value) {
        if (value instanceof Bound metric) {
            ValidationMetric vm = ValidationMetric.of(metric.name(), givenParams(metric));
            return new Monitored(vm.key(), vm.higherIsBetter(), vm);
        }
        String word = String.valueOf(value);
        if (word.equals("val_loss") || word.equals("loss")) return new Monitored(word, false, null);
        ValidationMetric vm = ValidationMetric.of(word.startsWith("val_") ? word.substring(4) : word);
        return new Monitored(vm.key(), vm.higherIsBetter(), vm);
    }

    /**
     * A metric call's parameters minus those equal to the schema's defaults, so the metric applies
     * its data-dependent defaults (f1's average is binary on two classes, macro on more) and the
     * history key names only what the script chose.
     */
    private static Map<String, Object> givenParams(Bound metric) {
        Map<String, Object> out = new LinkedHashMap<>();
        Component schema = Registry.standard().find(Kind.METRIC, metric.name()).orElse(null);
        for (Map.Entry<String, Object> e : metric.values().entrySet()) {
            if (e.getKey().startsWith("$") || e.getValue() == null) continue;
            Object def = schema == null ? null : schema.param(e.getKey()).map(Param::defaultValue).orElse(null);
            if (e.getValue().equals(def)) continue;
            // a class written as a number (positive: 1) names the class as the data spells it ("1")
            Object v = e.getKey().equals("positive") && e.getValue() instanceof Double d && d == Math.rint(d) && !d.isInfinite()
                    ? (Object) Long.toString(d.longValue()) : e.getValue();
            out.put(e.getKey(), v);
        }
        return out;
    }

    /** Early stopping of an {@code early_stop} block: its metric, patience, min_delta, restore_best and mode. */
    static EarlyStopping earlyStopping(Bound es) {
        Monitored m = monitored(es.get("metric") == null ? "val_loss" : es.get("metric"));
        int patience = es.integer("patience", 5);
        double minDelta = es.number("min_delta", 0.0);
        boolean restore = es.bool("restore_best", true);
        EarlyStopping stopping = m.metric() != null ? new EarlyStopping(m.metric(), patience, minDelta, restore)
                : new EarlyStopping(m.key(), patience, minDelta, restore);
        return switch (es.optionalWord("mode").orElse("auto")) {
            case "min" -> stopping.withMaximize(false);
            case "max" -> stopping.withMaximize(true);
            default -> stopping;
        };
    }

    /** The training configuration of a train block (batch, epochs, seed, validation, early stopping, ...). */
    static TrainConfig config(Bound options, int rows, long seed, java.util.function.BooleanSupplier cancelled) {
        int epochs = options.integer("epochs", 10);
        int batch = Batching.batchSize(options, rows);
        TrainConfig config = new TrainConfig(epochs, batch >= rows ? 0 : batch, seed, options.bool("shuffle", true),
                0.0, options.number("clip_norm", 0.0), null, null, null, cancelled, null);
        if (options.get("validate") instanceof Double f) config = config.withValidationFraction(f);
        Bound regularizer = options.call("regularizer").orElse(null);
        if (regularizer != null) config = config.withRegularizer(regularizer(regularizer));
        Bound schedule = options.call("schedule").orElse(null);
        if (schedule != null) config = config.withSchedule(schedule(schedule, epochs));
        Bound es = options.call("early_stop").orElse(null);
        if (es != null) config = config.withEarlyStopping(earlyStopping(es));
        return config;
    }

    /** Trains a compiled network; a diverging run becomes a {@link RunFailure} pointing at the statement. */
    static History train(Trainer trainer, org.mlopt.train.Dataset train, org.mlopt.train.Dataset validation, Span span) {
        try {
            return validation == null ? trainer.fit(train) : trainer.fit(train, validation);
        } catch (DivergenceException e) {
            throw new RunFailure(span, e.getMessage(), null, e);
        } catch (IllegalArgumentException e) {
            throw new RunFailure(span, e.getMessage(), null, e);
        }
    }

    static org.mlopt.train.Dataset trainingData(Dataset data, Loss loss) {
        if (data.task() == Task.REGRESSION) {
            double[] y = data.target();
            return org.mlopt.train.Dataset.regression(data.features(), new DMatrixRMaj(y.length, 1, true, y));
        }
        if (loss instanceof Loss.BinaryCrossEntropyWithLogits) {
            int[] labels = data.labels();
            DMatrixRMaj y = new DMatrixRMaj(labels.length, 1);
            for (int i = 0; i < labels.length; i++) y.data[i] = labels[i];
            return org.mlopt.train.Dataset.regression(data.features(), y).withClasses(data.classes());
        }
        return org.mlopt.train.Dataset.classification(data.features(), data.labels()).withClasses(data.classes());
    }

    /** A trained network as the runtime sees it. */
    static NetworkModel trained(Network network, Dataset trainData, Loss loss, History history) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("epochs", history.epochs().size());
        facts.put("stopped", history.stopReason().name().toLowerCase(java.util.Locale.ROOT));
        if (history.stopReason() == History.StopReason.EARLY_STOPPED) facts.put("best_epoch", history.bestEpoch());
        List<String> classes = trainData.task() == Task.REGRESSION ? List.of() : trainData.classes();
        return new NetworkModel(network, trainData.task(), classes, loss instanceof Loss.BinaryCrossEntropyWithLogits,
                null, facts);
    }

    static List<Map<String, Double>> history(History history) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (EpochRecord r : history.epochs()) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("epoch", (double) r.epoch());
            row.put("lr", r.learningRate());
            row.putAll(r.metrics());
            out.add(row);
        }
        return out;
    }

    /** The layers with the units a search sets ({@code net.dense[i]}: dense layer i, counted from 0) replaced. */
    static List<Bound> withUnits(List<Bound> layers, Map<Integer, Integer> units) {
        if (units.isEmpty()) return layers;
        List<Bound> out = new ArrayList<>();
        int dense = 0;
        for (Bound layer : layers) {
            if (layer.name().equals("dense") && units.containsKey(dense)) {
                Map<String, Object> values = new LinkedHashMap<>(layer.values());
                values.put("units", (double) units.get(dense));
                layer = new Bound(layer.name(), values, layer.span());
            }
            if (layer.name().equals("dense")) dense++;
            out.add(layer);
        }
        return out;
    }
}
