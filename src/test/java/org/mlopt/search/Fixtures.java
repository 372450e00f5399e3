package org.mlopt.search;

import org.ejml.data.DMatrixRMaj;
import org.mlopt.ast.Block;
import org.mlopt.ast.Statement;
import org.mlopt.data.CrossValidation;
import org.mlopt.linear.LogisticModel;
import org.mlopt.linear.LogisticRegression;
import org.mlopt.linear.Penalty;
import org.mlopt.metric.ClassificationMetrics;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;
import org.mlopt.testing.ReferenceData;

import java.util.List;
import java.util.Map;

/** Shared test helpers: parsing a space block, a logistic-regression objective on fixed folds. */
final class Fixtures {

    private Fixtures() {}

    /** The space block of {@code search clf on train { space { BODY } }}. */
    static Block space(String body) {
        ParseResult r = ScriptParser.parse("test.mlopt", "search clf on train {\n  space {\n" + body + "\n  }\n  strategy: grid\n}\n");
        if (!r.ok()) throw new AssertionError("parse failed: " + r.diagnostics());
        Statement.Search s = (Statement.Search) r.program().statements().get(0);
        return s.options().space().orElseThrow().block();
    }

    /** Logistic regression ({@code C}, {@code penalty} from the config) scored by fold accuracy on the given folds. */
    static Objective logistic(DMatrixRMaj x, int[] y, int[] foldOf) {
        return (config, fold, resource, seed, reporter) -> {
            int[] train = CrossValidation.rows(foldOf, fold, false);
            int[] valid = CrossValidation.rows(foldOf, fold, true);
            Penalty penalty = Penalty.valueOf(config.word("penalty").toUpperCase());
            LogisticModel m = LogisticRegression.of(config.number("C"), penalty)
                    .fit(ReferenceData.rows(x, train), ReferenceData.select(y, train));
            double acc = ClassificationMetrics.accuracy(ReferenceData.select(y, valid), m.predict(ReferenceData.rows(x, valid)));
            return Map.of("accuracy", acc);
        };
    }

    /** What must agree between two runs: trial numbers, configurations, resources, states and fold metrics. */
    static List<String> fingerprint(SearchResult r) {
        return r.trials().stream().map(t -> t.number() + " " + t.config() + " " + t.resource() + " " + t.state() + " "
                + t.folds().stream().map(f -> f.metrics() + "/" + f.intermediate() + "/" + f.pruned()).toList()).toList();
    }
}
