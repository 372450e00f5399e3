package org.mlopt.lsp;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.junit.jupiter.api.Test;
import org.mlopt.schema.Registry;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Completion, hover and definition in contexts the protocol tests do not reach, called directly. */
class ProvidersTest {

    private static final Registry REGISTRY = Registry.standard();
    private static final String SEARCH = """
            data cancer = csv("data/breast_cancer.csv", target: "diagnosis")
            split cancer -> train: 0.75, test: 0.25 { stratify: true, seed: 0 }
            preprocess standardize() fit train
            model clf = logistic_regression(solver: liblinear)
            search clf on train {
              space {
                C: [0.001, 0.01]
              }
              strategy: grid
              cv: stratified(5)
            }
            """;

    @Test
    void networkBodyOffersLayersAndItsSettings() {
        Set<String> labels = complete("network n {\n  dense(4)\n  |\n}\n");
        assertTrue(labels.containsAll(Set.of("dense", "dropout", "init", "input")), labels::toString);
        assertFalse(labels.contains("adam"), labels::toString);
    }

    @Test
    void positionalArgumentOffersItsValues() {
        Set<String> labels = complete("network n {\n  dense(4, |)\n}\n");
        assertTrue(labels.contains("relu") && labels.contains("activation"), labels::toString);
    }

    @Test
    void evaluateListOffersMetrics() {
        Set<String> labels = complete(SEARCH + "evaluate clf on test: [accuracy, |]\n");
        assertTrue(labels.containsAll(Set.of("accuracy", "f1", "roc_auc")), labels::toString);
        assertFalse(labels.contains("cross_entropy"), labels::toString);
    }

    @Test
    void preprocessOffersPreprocessorsThenDatasets() {
        assertTrue(complete("data d = csv(\"a.csv\")\npreprocess |").containsAll(Set.of("standardize", "impute")));
        assertEquals(Set.of("d"), complete("data d = csv(\"a.csv\")\npreprocess standardize() fit |"));
    }

    @Test
    void searchBlockOffersSpaceAndItsSettingsAndStrategies() {
        Set<String> keys = complete(SEARCH.replace("  strategy: grid\n", "  |\n"));
        assertTrue(keys.containsAll(Set.of("space", "strategy", "cv")), keys::toString);
        Set<String> strategies = complete(SEARCH.replace("strategy: grid", "strategy: |"));
        assertTrue(strategies.containsAll(Set.of("grid", "random", "halving")), strategies::toString);
        assertFalse(strategies.contains("accuracy"), strategies::toString);
    }

    @Test
    void nestedOptionGroupOffersItsKeysAndChoices() {
        String train = "network n { dense(2) }\ntrain n on d {\n  early_stop: { patience: 3, |}\n}\n";
        Set<String> keys = complete(train);
        assertTrue(keys.containsAll(Set.of("metric", "patience", "restore_best")), keys::toString);
        Set<String> modes = complete(train.replace("|}", "mode: |}"));
        assertEquals(Set.of("auto", "min", "max"), modes);
    }

    @Test
    void booleanSettingOffersTrueAndFalse() {
        assertEquals(Set.of("false", "true"), complete("data d = csv(\"a.csv\")\nsplit d -> a: 0.5, b: 0.5 { stratify: | }\n"));
    }

    @Test
    void choiceParameterOfAModelOffersItsValues() {
        Set<String> labels = complete("model m = logistic_regression(penalty: |)\n");
        assertTrue(labels.containsAll(Set.of("l1", "l2")), labels::toString);
    }

    @Test
    void searchSpaceKeysAreTheModelsParametersAndPathHeads() {
        String script = "optimizer opt = adam()\n" + SEARCH;
        Set<String> keys = complete(script.replace("    C: [0.001, 0.01]\n", "    C: [0.001, 0.01]\n    |\n"));
        assertTrue(keys.containsAll(Set.of("C", "penalty", "opt", "train")), keys::toString);
        assertFalse(keys.contains("cancer") || keys.contains("grid"), keys::toString);
        Set<String> optimizer = complete(script.replace("    C: [0.001, 0.01]\n", "    opt.|\n"));
        assertTrue(optimizer.containsAll(Set.of("lr", "beta1")), optimizer::toString);
        Set<String> training = complete(script.replace("    C: [0.001, 0.01]\n", "    train.|\n"));
        assertTrue(training.containsAll(Set.of("epochs", "batch")), training::toString);
        Set<String> penalties = complete(script.replace("C: [0.001, 0.01]", "penalty: [l1, |]"));
        assertTrue(penalties.containsAll(Set.of("l1", "l2")), penalties::toString);
        Set<String> primitives = complete(script.replace("C: [0.001, 0.01]", "opt.lr: |"));
        assertTrue(primitives.containsAll(Set.of("loguniform", "uniform", "choice")), primitives::toString);
    }

    @Test
    void hoverOnSearchSpaceKeys() {
        Document doc = doc("optimizer opt = adam()\n" + SEARCH.replace("C: [0.001, 0.01]", "C: [0.1]\n    opt.lr: [0.1]"));
        String c = hover(doc, "C: [");
        assertTrue(c.contains("**C** — parameter of model `logistic_regression`"), c);
        String lr = hover(doc, "lr: [");
        assertTrue(lr.contains("**lr** — parameter of optimizer `adam`"), lr);
    }

    @Test
    void connectingWordsComeWhereTheStatementNeedsThem() {
        String decls = "data d = csv(\"a.csv\")\nmodel m = ridge()\n";
        assertEquals(Set.of("on"), complete(decls + "train m |"));
        assertEquals(Set.of("on"), complete(decls + "evaluate m, m |"));
        assertEquals(Set.of("fit"), complete(decls + "preprocess standardize() |"));
        assertEquals(Set.of("to"), complete(decls + "save m |"));
        assertEquals(Set.of(), complete(decls + "train m on d |"));
    }

    @Test
    void nothingIsCompletedInCommentsAndStrings() {
        assertEquals(Set.of(), complete("optimizer o = adam(lr: 0.1)  # try |\n"));
        assertEquals(Set.of(), complete("data d = csv(\"da|ta.csv\")\n"));
        assertEquals(Set.of(), complete("data d = csv(\"data/|"));
        assertTrue(complete("data d = csv(\"data.csv\", |)\n").contains("target"));
    }

    @Test
    void hoverOnALayerAndOnAStatementKeyword() {
        Document doc = doc(SEARCH + "network n {\n  dense(4, relu)\n}\n");
        String dense = hover(doc, "dense(4");
        assertTrue(dense.startsWith("**dense** — layer"), dense);
        String search = hover(doc, "search clf");
        assertTrue(search.startsWith("**search** — statement"), search);
        String part = hover(doc, "train\n");
        assertTrue(part.contains("part of the split of `cancer`"), part);
        assertNull(new HoverProvider(REGISTRY).hover(doc, doc.lines().position(SEARCH.indexOf("0.75"))));
    }

    @Test
    void definitionIgnoresSettingNamesThatShadowDeclaredNames() {
        Document doc = doc("loss ce = cross_entropy()\nnetwork n { dense(2) }\ntrain n on d {\n  ce: 1\n  loss: ce\n}\n");
        DefinitionProvider definitions = new DefinitionProvider(REGISTRY);
        List<Location> key = definitions.definition(doc, doc.lines().position(doc.text().indexOf("ce: 1")));
        assertEquals(List.of(), key);
        List<Location> use = definitions.definition(doc, doc.lines().position(doc.text().indexOf("ce\n}")));
        assertEquals(0, use.get(0).getRange().getStart().getLine());
        assertEquals(5, use.get(0).getRange().getStart().getCharacter());
    }

    private static Set<String> complete(String textWithCursor) {
        int cursor = textWithCursor.indexOf('|');
        Document doc = doc(textWithCursor.replace("|", ""));
        List<CompletionItem> items = new CompletionProvider(REGISTRY).complete(doc, doc.lines().position(cursor));
        return items.stream().map(CompletionItem::getLabel).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static String hover(Document doc, String anchor) {
        int at = doc.text().indexOf(anchor);
        Hover h = new HoverProvider(REGISTRY).hover(doc, doc.lines().position(at));
        assertNotNull(h, "no hover at " + anchor);
        return h.getContents().getRight().getValue();
    }

    private static Document doc(String text) {
        return new Document("file:///tmp/providers.mlopt", 1, text);
    }
}
