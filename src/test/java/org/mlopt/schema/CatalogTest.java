package org.mlopt.schema;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standard registry against the language spec: the components it names, their tasks and
 * status, and the well-formedness of every parameter (docs, defaults of the right type and
 * within range, required parameters without defaults).
 */
class CatalogTest {

    private final Registry registry = Registry.standard();

    @Test
    void namesEveryComponentOfTheSpec() {
        Map<Kind, List<String>> expected = Map.ofEntries(
                Map.entry(Kind.DATA_SOURCE, List.of("csv", "synthetic_regression", "synthetic_classification", "blobs", "moons")),
                Map.entry(Kind.PREPROCESSOR, List.of("standardize", "min_max", "scale", "one_hot", "impute")),
                Map.entry(Kind.MODEL, List.of("linear_regression", "ridge", "lasso", "elastic_net", "logistic_regression")),
                Map.entry(Kind.LAYER, List.of("dense", "dropout", "batch_norm")),
                Map.entry(Kind.ACTIVATION, List.of("relu", "leaky_relu", "tanh", "sigmoid", "gelu", "none")),
                Map.entry(Kind.INITIALIZER, List.of("he", "xavier", "torch_default")),
                Map.entry(Kind.LOSS, List.of("mse", "mae", "huber", "binary_cross_entropy", "cross_entropy")),
                Map.entry(Kind.REGULARIZER, List.of("l1", "l2", "elastic_net")),
                Map.entry(Kind.OPTIMIZER, List.of("sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw", "adagrad", "lbfgs")),
                Map.entry(Kind.SCHEDULE, List.of("step", "exponential", "cosine", "warmup", "plateau")),
                Map.entry(Kind.METRIC, List.of("accuracy", "precision", "recall", "f1", "confusion_matrix", "roc_auc",
                        "log_loss", "mse", "rmse", "mae", "r2", "params")),
                Map.entry(Kind.SEARCH_STRATEGY, List.of("grid", "random", "halving", "hyperband", "tpe")),
                Map.entry(Kind.SPACE, List.of("choice", "uniform", "loguniform", "randint", "quniform", "when")),
                Map.entry(Kind.CV, List.of("kfold", "stratified", "holdout")),
                Map.entry(Kind.PRUNE_METHOD, List.of("magnitude", "neurons")),
                Map.entry(Kind.PRUNE_SCHEDULE, List.of("one_shot", "iterative", "gradual")),
                Map.entry(Kind.STATEMENT, List.of("split", "network", "train", "search", "prune", "distill", "report")),
                Map.entry(Kind.OPTION_GROUP, List.of("early_stop", "finetune", "median_stop")));
        for (Kind kind : Kind.values())
            assertEquals(new LinkedHashSet<>(expected.get(kind)), new LinkedHashSet<>(registry.names(kind)), kind.label());
    }

    @Test
    void onlyBatchNormAndLbfgsArePlanned() {
        List<String> planned = new ArrayList<>();
        for (Component c : registry.all()) if (c.status() == Component.Status.PLANNED) planned.add(c.kind() + " " + c.name());
        assertEquals(List.of("LAYER batch_norm", "OPTIMIZER lbfgs"), planned);
    }

    @Test
    void regressionAndClassificationComponentsDeclareTheirTasks() {
        Set<Task> regression = Set.of(Task.REGRESSION);
        Set<Task> classification = Set.of(Task.BINARY, Task.MULTICLASS);
        for (String m : List.of("linear_regression", "ridge", "lasso", "elastic_net")) assertEquals(regression, tasks(Kind.MODEL, m), m);
        assertEquals(classification, tasks(Kind.MODEL, "logistic_regression"));
        for (String l : List.of("mse", "mae", "huber")) assertEquals(regression, tasks(Kind.LOSS, l), l);
        assertEquals(classification, tasks(Kind.LOSS, "cross_entropy"));
        assertEquals(Set.of(Task.BINARY), tasks(Kind.LOSS, "binary_cross_entropy"));
        for (String m : List.of("mse", "rmse", "mae", "r2")) assertEquals(regression, tasks(Kind.METRIC, m), m);
        for (String m : List.of("accuracy", "precision", "recall", "f1", "confusion_matrix", "roc_auc", "log_loss"))
            assertEquals(classification, tasks(Kind.METRIC, m), m);
        // Optimizers, layers and regularizers fit any task.
        for (Kind k : List.of(Kind.OPTIMIZER, Kind.LAYER, Kind.REGULARIZER, Kind.SCHEDULE))
            for (Component c : registry.all(k)) assertTrue(c.tasks().isEmpty(), c.name());
    }

    @Test
    void everyComponentAndParameterHasOneLineOfDocs() {
        for (Component c : registry.all()) {
            assertOneLine(c.doc(), c.kind() + " " + c.name());
            for (Param p : c.params()) assertOneLine(p.doc(), c.name() + "." + p.name());
        }
    }

    @Test
    void parameterNamesAreUniqueAndLowerSnakeCase() {
        for (Component c : registry.all()) {
            Set<String> seen = new HashSet<>();
            for (Param p : c.params()) {
                assertTrue(seen.add(p.name()), c.name() + " lists " + p.name() + " twice");
                assertTrue(p.name().matches("[a-zA-Z][a-z0-9_]*"), c.name() + "." + p.name());
            }
            assertTrue(c.name().matches("[a-z][a-z0-9_]*"), c.name());
        }
    }

    @Test
    void defaultsMatchTheirTypesAndRanges() {
        List<String> problems = new ArrayList<>();
        for (Component c : registry.all()) {
            for (Param p : c.params()) {
                String where = c.kind() + " " + c.name() + "." + p.name();
                Object d = p.defaultValue();
                if (p.required() && d != null) problems.add(where + ": required but has a default");
                if (p.range() != null && !admitsNumbers(p.type())) problems.add(where + ": range on a non-numeric type");
                if (d == null) continue;
                if (!accepts(p.type(), d)) problems.add(where + ": default " + d + " is not " + p.type().describe());
                if (d instanceof Double v && p.range() != null && !p.range().contains(v))
                    problems.add(where + ": default " + d + " outside " + p.range().describe());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void componentAndGroupTypesNameExistingSchemas() {
        for (Component c : registry.all())
            for (Param p : c.params()) checkReferences(p.type(), c.name() + "." + p.name());
    }

    @Test
    void positionalParametersComeFirstExceptForOptionalOnes() {
        // A required parameter can only be given positionally when no optional one comes before it.
        for (Component c : registry.all()) {
            boolean optionalPositionalSeen = false;
            for (Param p : c.positionalParams()) {
                if (!p.required()) optionalPositionalSeen = true;
                else assertTrue(!optionalPositionalSeen, c.name() + "." + p.name() + " is required after an optional positional");
            }
        }
    }

    @Test
    void documentsTheScalingConventions() {
        assertTrue(doc(Kind.MODEL, "ridge").contains("‖y − Xw − b‖² + alpha·‖w‖²"));
        assertTrue(doc(Kind.MODEL, "lasso").contains("(1/2n)·‖y − Xw − b‖² + alpha·‖w‖₁"));
        assertTrue(doc(Kind.MODEL, "logistic_regression").contains("C·Σᵢ"));
        assertEquals("Adds lambda·Σ|w| to the mean batch loss (weights only, not biases).", doc(Kind.REGULARIZER, "l1"));
        assertEquals("Adds lambda·Σw² to the mean batch loss (weights only, not biases).", doc(Kind.REGULARIZER, "l2"));
    }

    private void checkReferences(Type type, String where) {
        if (type instanceof Type.Component c) {
            assertTrue(!c.kinds().isEmpty(), where);
            for (Kind k : c.kinds()) assertTrue(!registry.all(k).isEmpty(), where + " names kind " + k + " with no components");
        } else if (type instanceof Type.Group g) {
            assertTrue(registry.group(g.schemaName()).isPresent(), where + " names missing group " + g.schemaName());
        } else if (type instanceof Type.ListOf l) {
            checkReferences(l.element(), where);
        } else if (type instanceof Type.AnyOf a) {
            for (Type t : a.options()) checkReferences(t, where);
        } else if (type instanceof Type.Choice ch) {
            assertTrue(!ch.values().isEmpty(), where);
        }
    }

    private boolean accepts(Type type, Object value) {
        if (type instanceof Type.Num n)
            return value instanceof Double v && (!n.integer() || v == Math.rint(v));
        if (type instanceof Type.Bool) return value instanceof Boolean;
        if (type instanceof Type.Str) return value instanceof String;
        if (type instanceof Type.Choice c) return value instanceof String s && c.values().contains(s);
        if (type instanceof Type.Component c)
            return value instanceof String s && registry.find(c.kinds(), s).isPresent();
        if (type instanceof Type.AnyOf a) {
            for (Type t : a.options()) if (accepts(t, value)) return true;
            return false;
        }
        return false; // references, lists and groups have no default value
    }

    private static boolean admitsNumbers(Type type) {
        if (type instanceof Type.Num) return true;
        if (type instanceof Type.AnyOf a) return a.options().stream().anyMatch(CatalogTest::admitsNumbers);
        return false;
    }

    private static void assertOneLine(String doc, String where) {
        assertTrue(doc != null && !doc.isBlank(), where + " has no doc");
        assertTrue(doc.indexOf('\n') < 0, where + " doc spans lines");
        assertTrue(doc.endsWith("."), where + " doc should be a sentence: " + doc);
    }

    private Set<Task> tasks(Kind kind, String name) {
        return registry.find(kind, name).orElseThrow().tasks();
    }

    private String doc(Kind kind, String name) {
        return registry.find(kind, name).orElseThrow().doc();
    }
}
