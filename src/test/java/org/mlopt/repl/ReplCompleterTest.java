package org.mlopt.repl;

import org.junit.jupiter.api.Test;
import org.mlopt.parse.Lexing;
import org.mlopt.schema.Kind;
import org.mlopt.schema.Registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplCompleterTest {

    private final Map<String, String> declared = new LinkedHashMap<>();

    {
        String[] pairs = {"digits", "data", "train", "split", "test", "split", "net", "network", "clf", "model",
                "ce", "loss", "opt", "optimizer"};
        for (int i = 0; i < pairs.length; i += 2) declared.put(pairs[i], pairs[i + 1]);
    }
    private final ReplCompleter completer = new ReplCompleter(Registry.standard(), () -> declared);

    @Test
    void statementKeywordsAndCommandsAtTheStart() {
        List<String> all = completer.values("");
        assertTrue(all.containsAll(Lexing.statementKeywords()), all.toString());
        assertTrue(all.contains(":save") && all.contains(":help"), all.toString());
        assertEquals(List.of("train"), completer.values("tr"));
        assertEquals(List.of(":save", ":show"), completer.values(":s").stream().sorted().toList());
    }

    @Test
    void componentsOfTheDeclaredKind() {
        List<String> optimizers = completer.values("optimizer o = ");
        assertTrue(optimizers.contains("adam") && optimizers.contains("sgd"), optimizers.toString());
        assertTrue(Registry.standard().names(Kind.OPTIMIZER).containsAll(optimizers), optimizers.toString());
        assertEquals(List.of("adam", "adamw"), completer.values("optimizer o = ada").stream().filter(s -> s.startsWith("adam")).toList());
        assertTrue(completer.values("loss l = ").contains("cross_entropy"));
        assertFalse(completer.values("loss l = ").contains("adam"));
    }

    @Test
    void parameterNamesInsideACall() {
        List<String> params = completer.values("optimizer o = adam(");
        assertTrue(params.contains("lr:"), params.toString());
        assertEquals(List.of("lr:"), completer.values("optimizer o = adam(l"));
        assertTrue(completer.values("optimizer o = adam(lr: 0.1, ").contains("weight_decay:")
                || completer.values("optimizer o = adam(lr: 0.1, ").contains("beta1:"));
    }

    @Test
    void declaredNamesWhereTheyFit() {
        assertEquals(List.of("net", "clf"), completer.values("train "));
        assertEquals(List.of("digits", "train", "test"), completer.values("train net on "));
        assertEquals(List.of("test"), completer.values("evaluate net on te"));
        assertEquals(List.of("clf"), completer.values("evaluate net, c"));
    }

    @Test
    void settingsAndTheirValuesInsideAStatementBlock() {
        List<String> settings = completer.values("train net on train {\n  ");
        assertTrue(settings.contains("epochs:") && settings.contains("loss:") && settings.contains("optimizer:"), settings.toString());
        List<String> losses = completer.values("train net on train {\n  loss: ");
        assertEquals("ce", losses.get(0), "declared losses first: " + losses);
        assertTrue(losses.contains("cross_entropy"), losses.toString());
        assertTrue(completer.values("train net on train { optimizer: ").contains("opt"));
    }

    @Test
    void layersInsideANetworkAndMetricsInAnEvaluation() {
        assertTrue(completer.values("network n {\n  ").contains("dense"));
        assertTrue(completer.values("network n {\n  dense(64, relu)\n  ").contains("dense"));
        List<String> metrics = completer.values("evaluate net on test: [acc");
        assertEquals(List.of("accuracy"), metrics);
    }
}
