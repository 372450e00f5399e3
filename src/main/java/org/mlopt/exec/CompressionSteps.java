package org.mlopt.exec;

import org.mlopt.ast.Statement;
import org.mlopt.autodiff.Tensor;
import org.mlopt.data.Dataset;
import org.mlopt.distill.DistillConfig;
import org.mlopt.distill.DistillResult;
import org.mlopt.distill.Distiller;
import org.mlopt.loss.Loss;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;
import org.mlopt.prune.CompressionReport;
import org.mlopt.prune.FineTune;
import org.mlopt.prune.MagnitudePruning;
import org.mlopt.prune.ModelSnapshot;
import org.mlopt.prune.NeuronPruning;
import org.mlopt.prune.Norm;
import org.mlopt.prune.PruneSchedule;
import org.mlopt.prune.PruneStage;
import org.mlopt.prune.SparsitySweep;
import org.mlopt.prune.Pruner;
import org.mlopt.prune.Scope;
import org.mlopt.schema.Kind;
import org.mlopt.train.TrainConfig;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/** Pruning and distillation statements on the {@code org.mlopt.prune} and {@code org.mlopt.distill} libraries. */
final class CompressionSteps {

    private final Declarations declarations;
    private final Binder binder;
    private final RunOptions options;
    private final boolean reported;

    /**
     * For a search trial that replays a statement: only the model counts, so a distillation trains
     * its first seed alone and pruning measures no sweep.
     */
    /** Units of the student's dense layers a search trial sets ({@code student.dense[i]}). */
    private Map<Integer, Integer> studentUnits = Map.of();

    /** The same steps with the student's dense layers resized, for a search trial. */
    CompressionSteps withStudentUnits(Map<Integer, Integer> units) {
        this.studentUnits = Map.copyOf(units);
        return this;
    }

    CompressionSteps(Declarations declarations, Binder binder, RunOptions options) {
        this(declarations, binder, options, false);
    }

    /**
     * @param reported whether the results are the script's own (every seed of a distillation, the
     *                 sparsity sweep of pruning) rather than a search trial's
     */
    CompressionSteps(Declarations declarations, Binder binder, RunOptions options, boolean reported) {
        this.declarations = declarations;
        this.binder = binder;
        this.options = options;
        this.reported = reported;
    }

    record Outcome(NetworkModel model, StepResult result) {}

    /** @param validation the split part fine-tuning validates on ({@code finetune: { validate: part }}), or null */
    Outcome prune(Statement.Prune s, NetworkModel trained, Dataset data, Dataset validation, String stepId, long seed) {
        String name = s.target().text();
        Bound settings = binder.block("prune", Kind.STATEMENT, s.options());
        Bound method = settings.call("method").orElseThrow(() -> new RunFailure(s.span(), "prune needs a method"));
        double sparsity = method.number("sparsity");
        Bound schedule = settings.call("schedule").orElse(new Bound("one_shot", Map.of(), s.span()));
        PruneSchedule phases = switch (schedule.name()) {
            case "iterative" -> PruneSchedule.iterative(sparsity, schedule.integer("steps", 3));
            case "gradual" -> PruneSchedule.gradual(sparsity, schedule.integer("epochs", 10), schedule.number("power", 3),
                    schedule.number("initial", 0.0));
            default -> PruneSchedule.oneShot(sparsity);
        };
        Bound recipe = ModelSteps.trainSettings(binder, declarations.lastTrainBefore(name, s));
        Bound finetune = settings.call("finetune").orElse(null);
        FineTune fineTune = null;
        if (finetune != null && data != null) {
            Bound merged = merge(recipe, finetune);
            Loss loss = NetworkModels.loss(merged.call("loss").orElseThrow(() -> new RunFailure(s.span(), "fine-tuning needs a loss")));
            TrainConfig config = NetworkModels.config(merged, data.numRows(), seed, options.cancelled());
            fineTune = new FineTune(loss, NetworkModels.optimizer(merged.call("optimizer").orElseThrow(() ->
                    new RunFailure(s.span(), "fine-tuning needs an optimizer"))), config);
            if (validation != null) fineTune = fineTune.withValidation(NetworkModels.trainingData(validation, loss));
        }
        Network network = trained.network();
        List<Tensor> rewindTo = settings.bool("rewind", false) ? Network.compile(network.spec()).snapshot() : null;
        org.mlopt.train.Dataset train = data == null ? null : NetworkModels.trainingData(data, lossOf(fineTune));
        Pruner.Job job = new Pruner.Job(phases, fineTune, rewindTo, train, 5);
        Pruner.Result result;
        List<SparsitySweep.Point> sweep;
        if (method.name().equals("neurons")) {
            NeuronPruning np = new NeuronPruning(sparsity, method.optionalWord("norm").orElse("l2").equals("l1") ? Norm.L1 : Norm.L2,
                    scope(method.optionalWord("scope").orElse("layer")), layers(method));
            sweep = train == null || !reported ? List.of() : SparsitySweep.neurons(network, np, SparsitySweep.grid(sparsity), train);
            result = Pruner.neurons(network, np, job, train);
        } else {
            MagnitudePruning mp = new MagnitudePruning(sparsity, scope(method.optionalWord("scope").orElse("global")),
                    method.bool("include_bias", false), layers(method));
            sweep = train == null || !reported ? List.of() : SparsitySweep.magnitude(network, mp, SparsitySweep.grid(sparsity), train);
            result = Pruner.magnitude(network, mp, job, train);
        }
        CompressionReport report = result.report();
        PruneStage lastStage = report.stages().get(report.stages().size() - 1);
        Map<String, Object> metrics = new LinkedHashMap<>();
        put(metrics, "accuracy_before", report.before().accuracy());
        put(metrics, "accuracy_after_pruning", report.afterPruning().accuracy());
        // Only a fine-tuned last phase has an accuracy after fine-tuning; it is the final model's.
        if (!Double.isNaN(lastStage.accuracyAfterFineTuning())) put(metrics, "accuracy_after_finetuning", report.afterFineTuning().accuracy());
        ModelSnapshot last = report.afterFineTuning() != null ? report.afterFineTuning() : report.afterPruning();
        // The share of the original parameters that are zero or gone with their units: for neuron
        // pruning the smaller network itself has no zeros, so its own sparsity would read 0.
        metrics.put("sparsity", report.before().parameters() == 0 ? 0.0
                : 1.0 - (double) last.nonZeros() / report.before().parameters());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", method.name());
        details.put("schedule", schedule.name());
        details.put("phase_sparsities", report.phaseSparsities());
        details.put("parameters_before", report.before().parameters());
        details.put("parameters_after", last.parameters());
        details.put("nonzeros_after", last.nonZeros());
        details.put("file_bytes_before", report.before().fileBytes());
        details.put("file_bytes_after", last.fileBytes());
        details.put("inference_ms_before", report.before().inferenceMillis());
        details.put("inference_ms_after", last.inferenceMillis());
        details.put("sparse_inference_ms_after", last.sparseInferenceMillis());
        List<Object> layers = new ArrayList<>();
        for (var l : last.layers()) layers.add(Map.of("parameters", l.parameters(), "nonzeros", l.nonZeros(), "sparsity", l.sparsity()));
        details.put("layers", layers);
        List<Object> stages = new ArrayList<>();
        for (PruneStage st : report.stages())
            stages.add(StepRunners.map("sparsity", st.sparsity(), "accuracy_after_pruning", st.accuracyAfterPruning(),
                    "accuracy_after_finetuning", st.accuracyAfterFineTuning()));
        details.put("stages", stages);
        List<Object> points = new ArrayList<>();
        for (SparsitySweep.Point p : sweep)
            points.add(StepRunners.map("sparsity", p.sparsity(), "parameter_sparsity", p.parameterSparsity(), "accuracy", p.accuracy()));
        details.put("sweep", points);
        Map<String, Object> facts = new LinkedHashMap<>(trained.summary());
        facts.remove("parameters");
        facts.put("pruned", method.name() + " " + sparsity);
        NetworkModel pruned = trained.with(result.network(), result.masks(), facts);
        List<Map<String, Double>> history = fineTuningHistory(result.fineTuning());
        if (!history.isEmpty()) {
            details.put("finetune_epochs", history.size());
            details.put("finetune_stopped", result.fineTuning().stream()
                    .map(h -> h.stopReason().name().toLowerCase(java.util.Locale.ROOT)).toList());
        }
        return new Outcome(pruned, new StepResult(stepId, "prune", name, data == null ? null : s.dataset().get().text(), metrics, details, history));
    }

    /** Fine-tuning's epochs over all phases, numbered on across them, each row saying which phase it belongs to. */
    private static List<Map<String, Double>> fineTuningHistory(List<org.mlopt.train.History> phases) {
        List<Map<String, Double>> history = new ArrayList<>();
        for (int phase = 0; phase < phases.size(); phase++)
            for (Map<String, Double> row : NetworkModels.history(phases.get(phase))) {
                Map<String, Double> numbered = new LinkedHashMap<>();
                numbered.put("epoch", (double) (history.size() + 1));
                numbered.put("phase", (double) (phase + 1));
                row.forEach((k, v) -> { if (!k.equals("epoch")) numbered.put(k, v); });
                history.add(numbered);
            }
        return history;
    }

    /**
     * Distils the teacher into the student once per seed: {@code seeds: n} with the statement's seed
     * s trains students (and, with {@code baseline: true}, baselines) from seeds s, s + 1, ..., s + n − 1,
     * each seed fixing the initial weights and the shuffles. The script continues with the first
     * seed's student, which is the student a single-seed distillation gives.
     */
    Outcome distill(Statement.Distill s, NetworkModel teacher, Dataset data, Dataset transfer, String stepId, long seed) {
        String student = s.student().text();
        Statement.Network studentNet = (Statement.Network) declarations.get(student);
        Bound settings = binder.block("distill", Kind.STATEMENT, s.options());
        Bound networkSettings = binder.block("network", Kind.STATEMENT, studentNet.body());
        List<Bound> layers = NetworkModels.withUnits(NetworkModels.layers(studentNet, networkSettings, binder, declarations), studentUnits);
        int count = reported ? settings.integer("seeds", 1) : 1;
        if (count < 1) throw new RunFailure(s.span(), "distill needs seeds >= 1, got " + count);
        org.mlopt.train.Dataset labelled = NetworkModels.trainingData(data, new Loss.CrossEntropy());
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) seeds.add(seed + i);
        LongFunction<NetworkSpec> spec = s1 -> NetworkModels.spec(networkSettings, layers, data.numFeatures(), s1, studentNet.span());
        LongFunction<DistillConfig> configs = s1 -> new DistillConfig(settings.number("temperature", 1.0), settings.number("alpha", 0.5),
                NetworkModels.optimizer(settings.call("optimizer").orElseThrow()),
                NetworkModels.config(settings, data.numRows(), s1, options.cancelled()), settings.bool("baseline", false));
        DistillConfig first = configs.apply(seed);
        Tensor transferX = transfer == null ? null : Tensors.of(transfer.features(), spec.apply(seed).precision());
        List<DistillResult> runs = Distiller.distillSeeds(teacher.network(), seeds, spec, configs, labelled, transferX, labelled);
        seeds = List.copyOf(seeds.subList(0, runs.size()));
        DistillResult r = runs.get(0);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("train_accuracy_student", r.studentScore());
        if (r.baseline() != null) metrics.put("train_accuracy_baseline", r.baselineScore());
        metrics.put("train_accuracy_teacher", r.teacherScore());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("temperature", first.temperature());
        details.put("alpha", first.alpha());
        details.put("epochs", r.history().epochs().size());
        details.put("student_parameters", r.student().parameterCount());
        details.put("teacher_parameters", teacher.network().parameterCount());
        details.put("seeds", seeds);
        List<Object> perSeed = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("seed", seeds.get(i));
            one.put("train_accuracy_student", runs.get(i).studentScore());
            if (runs.get(i).baseline() != null) one.put("train_accuracy_baseline", runs.get(i).baselineScore());
            one.put("epochs", runs.get(i).history().epochs().size());
            perSeed.add(one);
        }
        details.put("per_seed", perSeed);
        List<NetworkModel> students = new ArrayList<>();
        List<NetworkModel> baselineModels = new ArrayList<>();
        for (DistillResult run : runs) {
            students.add(teacher.with(run.student(), null, Map.of("epochs", run.history().epochs().size(), "distilled_from", s.teacher().text())));
            if (run.baseline() != null) baselineModels.add(teacher.with(run.baseline(), null, Map.of("baseline_of", student)));
        }
        NetworkModel distilled = students.get(0);
        if (!baselineModels.isEmpty()) baselines.put(student, baselineModels.get(0));
        this.distilled.put(distilled, new Distilled(seeds, students.subList(1, students.size()), baselineModels));
        return new Outcome(distilled, new StepResult(stepId, "distill", student, s.dataset().text(), metrics, details,
                NetworkModels.history(r.history())));
    }

    /**
     * Every seed of one distillation: the seeds in order, the students of the seeds after the first
     * (the first is the model the script continues with, which this is keyed by), and one baseline
     * per seed (empty without {@code baseline: true}).
     */
    record Distilled(List<Long> seeds, List<NetworkModel> laterStudents, List<NetworkModel> baselines) {
        Distilled {
            seeds = List.copyOf(seeds);
            laterStudents = List.copyOf(laterStudents);
            baselines = List.copyOf(baselines);
        }
    }

    /**
     * Distillations by their first student (identity): a model trained or pruned later under the
     * student's name is another object, and is not a distilled student.
     */
    private final Map<NetworkModel, Distilled> distilled = new IdentityHashMap<>();

    /** The distillation whose first student is {@code model}, if it is one. */
    Optional<Distilled> distilled(Object model) {
        return model instanceof NetworkModel m ? Optional.ofNullable(distilled.get(m)) : Optional.empty();
    }

    /** Students trained without their teacher, by student name, for the plan's baseline step. */
    final Map<String, NetworkModel> baselines = new LinkedHashMap<>();

    private static void put(Map<String, Object> metrics, String key, double accuracy) {
        if (!Double.isNaN(accuracy)) metrics.put(key, accuracy);
    }

    private static Loss lossOf(FineTune f) {
        return f == null ? new Loss.CrossEntropy() : f.loss();
    }

    private static Scope scope(String word) {
        return word.equals("layer") ? Scope.LAYER : Scope.GLOBAL;
    }

    private static List<Integer> layers(Bound method) {
        List<Integer> out = new ArrayList<>();
        for (Object o : method.list("layers")) if (o instanceof Double d) out.add((int) Math.round(d));
        return out.isEmpty() ? null : out;
    }

    /** Fine-tuning settings fall back to the network's own training recipe. */
    private static Bound merge(Bound recipe, Bound finetune) {
        Map<String, Object> values = new LinkedHashMap<>(recipe.values());
        values.keySet().removeAll(List.of("early_stop", "validate", "schedule"));
        values.putAll(finetune.values());
        return new Bound("finetune", values, finetune.span());
    }


}
