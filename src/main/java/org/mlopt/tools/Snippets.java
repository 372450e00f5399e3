package org.mlopt.tools;

import java.util.List;
import java.util.Map;

/**
 * A snippet for every statement keyword. A keyword added to the grammar without a snippet here
 * makes the generator (and so {@code EditorGrammarsTest}) fail, so it cannot be forgotten.
 */
final class Snippets {

    record Snippet(String description, List<String> body) {}

    private static final Map<String, Snippet> BY_KEYWORD = Map.ofEntries(
            Map.entry("data", new Snippet("Declare a dataset from a CSV file",
                    List.of("data ${1:name} = csv(\"${2:data/file.csv}\", target: \"${3:target}\")"))),
            Map.entry("split", new Snippet("Split a dataset into named parts",
                    List.of("split ${1:dataset} -> ${2:train}: ${3:0.75}, ${4:test}: ${5:0.25} { stratify: ${6:true}, seed: ${7:0} }"))),
            Map.entry("preprocess", new Snippet("Preprocessing steps fitted on one part",
                    List.of("preprocess ${1:standardize()} fit ${2:train}"))),
            Map.entry("model", new Snippet("Declare a model",
                    List.of("model ${1:clf} = ${2:logistic_regression}(${3:C: 1.0})"))),
            Map.entry("network", new Snippet("Declare a neural network",
                    List.of("network ${1:net} {", "\tdense(${2:64}, ${3:relu})", "\tdense(${4:10})", "}"))),
            Map.entry("loss", new Snippet("Declare a loss",
                    List.of("loss ${1:ce} = ${2:cross_entropy}(${3})"))),
            Map.entry("optimizer", new Snippet("Declare an optimizer",
                    List.of("optimizer ${1:opt} = ${2:adam}(lr: ${3:1e-3})"))),
            Map.entry("regularizer", new Snippet("Declare a regularizer",
                    List.of("regularizer ${1:reg} = ${2:l2}(${3:1e-4})"))),
            Map.entry("schedule", new Snippet("Declare a learning-rate schedule",
                    List.of("schedule ${1:sched} = ${2:cosine}(epochs: ${3:50})"))),
            Map.entry("train", new Snippet("Train a model",
                    List.of("train ${1:net} on ${2:train} {", "\tloss: ${3:ce}", "\toptimizer: ${4:opt}",
                            "\tbatch: ${5:32}", "\tepochs: ${6:50}", "}"))),
            Map.entry("evaluate", new Snippet("Evaluate models on a dataset",
                    List.of("evaluate ${1:model} on ${2:test}: [${3:accuracy}]"))),
            Map.entry("search", new Snippet("Hyperparameter search",
                    List.of("search ${1:clf} on ${2:train} {", "\tspace {", "\t\t${3:C}: [${4:0.1, 1, 10}]", "\t}",
                            "\tstrategy: ${5:grid}", "\tcv: ${6:5}", "\tscoring: ${7:accuracy}", "}"))),
            Map.entry("prune", new Snippet("Prune a network",
                    List.of("prune ${1:net} on ${2:train} {", "\tmethod: ${3:magnitude}(sparsity: ${4:0.8})",
                            "\tschedule: ${5:one_shot}", "}"))),
            Map.entry("distill", new Snippet("Distil a teacher into a student",
                    List.of("distill ${1:teacher} -> ${2:student} on ${3:train} {", "\ttemperature: ${4:2.0}",
                            "\talpha: ${5:0.5}", "\tepochs: ${6:50}", "}"))),
            Map.entry("save", new Snippet("Save a trained model",
                    List.of("save ${1:model} to \"${2:models/model.mlm}\""))),
            Map.entry("load", new Snippet("Load a saved model",
                    List.of("load ${1:model} from \"${2:models/model.mlm}\""))),
            Map.entry("report", new Snippet("Write a report",
                    List.of("report { file: \"${1:report.html}\" }"))));

    private Snippets() {}

    static Snippet forStatement(String keyword) {
        Snippet s = BY_KEYWORD.get(keyword);
        if (s == null)
            throw new IllegalStateException("no editor snippet for the statement keyword '" + keyword
                    + "': add one to " + Snippets.class.getName());
        return s;
    }
}
