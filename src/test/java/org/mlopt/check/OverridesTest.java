package org.mlopt.check;

import org.junit.jupiter.api.Test;
import org.mlopt.ast.AstPrinter;
import org.mlopt.ast.Program;
import org.mlopt.diag.Diagnostic;
import org.mlopt.diag.ErrorCode;
import org.mlopt.parse.ParseResult;
import org.mlopt.parse.ScriptParser;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverridesTest {

    private static final String SCRIPT = """
            data iris = csv("../data/iris.csv", target: "species")
            split iris -> train: 0.8, test: 0.2 { seed: 0 }
            optimizer opt = adam(lr: 0.001)
            regularizer reg = l2(1e-4)
            model clf = logistic_regression(C: 1.0)
            network net {
              dense(16, relu)
              dense(3)
            }
            train net on train { loss: cross_entropy  optimizer: opt  epochs: 5 }
            train clf on train
            search clf on train {
              space { C: [0.1, 1] }
              cv: 5
            }
            """;

    private static Program program() {
        ParseResult p = ScriptParser.parse("s.mlopt", SCRIPT);
        assertTrue(p.ok());
        return p.program();
    }

    private static Overrides.Result apply(String... settings) {
        return Overrides.apply(program(), List.of(settings), TestCatalog.REGISTRY);
    }

    private static String printed(Overrides.Result r) {
        return AstPrinter.print(r.program(), false);
    }

    private static List<ErrorCode> codes(Overrides.Result r) {
        return r.diagnostics().all().stream().map(Diagnostic::code).toList();
    }

    @Test
    void setsANamedParameter() {
        Overrides.Result r = apply("opt.lr=0.01");
        assertTrue(r.ok());
        assertTrue(printed(r).contains("(call adam lr=0.01)"), printed(r));
    }

    @Test
    void replacesAPositionalArgumentByItsParameterName() {
        Overrides.Result r = apply("reg.lambda=0.5");
        assertTrue(r.ok());
        assertTrue(printed(r).contains("(call l2 0.5)"), printed(r));
    }

    @Test
    void addsAMissingParameterAndAStringValue() {
        Overrides.Result r = apply("clf.max_iter=500", "iris.target=\"sepal_length\"");
        assertTrue(r.ok(), r.diagnostics().all().toString());
        assertTrue(printed(r).contains("(call logistic_regression C=1.0 max_iter=500)"), printed(r));
        assertTrue(printed(r).contains("target=\"sepal_length\""), printed(r));
    }

    @Test
    void setsStatementOptionsIncludingNestedGroupsAndMissingBlocks() {
        Overrides.Result r = apply("train.net.epochs=7", "search.clf.cv=3", "split.iris.seed=1",
                "train.net.early_stop.patience=2", "train.clf.seed=4");
        assertTrue(r.ok(), r.diagnostics().all().toString());
        String p = printed(r);
        assertTrue(p.contains("(entry epochs 7)"), p);
        assertTrue(p.contains("(entry cv 3)"), p);
        assertTrue(p.contains("(entry seed 1)"), p);
        assertTrue(p.contains("(entry early_stop (block\n"), p);
        assertTrue(p.contains("(entry patience 2)"), p);
        assertTrue(p.contains("(entry seed 4)"), p);
    }

    @Test
    void setsANetworkSettingAndAComponentValue() {
        Overrides.Result r = apply("net.init=he", "train.net.optimizer=sgd(lr: 0.1)");
        assertTrue(r.ok(), r.diagnostics().all().toString());
        assertTrue(printed(r).contains("(entry init $he)"), printed(r));
        assertTrue(printed(r).contains("(entry optimizer (call sgd lr=0.1))"), printed(r));
    }

    @Test
    void replacesASearchSpaceKey() {
        Overrides.Result r = apply("search.clf.space.C=[5, 50]", "search.clf.space.tol=[0.001]");
        assertTrue(r.ok(), r.diagnostics().all().toString());
        String p = printed(r);
        assertTrue(p.contains("(entry C [5 50])"), p);
        assertTrue(p.contains("(entry tol [0.001])"), p);
        assertFalse(p.contains("(entry C [0.1 1])"), p);
    }

    @Test
    void theOriginalProgramIsUnchanged() {
        Program original = program();
        String before = AstPrinter.print(original);
        Overrides.Result r = Overrides.apply(original, List.of("opt.lr=0.5"), TestCatalog.REGISTRY);
        assertEquals(before, AstPrinter.print(original));
        assertFalse(AstPrinter.print(r.program()).equals(before));
    }

    @Test
    void overriddenValuesAreCheckedAndPointIntoTheScript() {
        Overrides.Result r = apply("opt.lr=-1");
        assertTrue(r.ok());
        CheckResult checked = Checker.check(new ParseResult(ScriptParser.parse("s.mlopt", SCRIPT).source(), r.program(),
                new org.mlopt.diag.Diagnostics()), Scripts.ROOT.resolve("good").toAbsolutePath(), TestCatalog.REGISTRY);
        assertFalse(checked.ok());
        Diagnostic d = checked.diagnostics().sorted().get(0);
        assertEquals(ErrorCode.E304, d.code());
        assertEquals("lr must be > 0, got -1", d.message());
        assertEquals(3, d.span().line(), "the span of the value it replaced");
    }

    @Test
    void badPathsAreReportedWithNearbyValidPaths() {
        Overrides.Result r = apply("opt.lrr=0.1");
        assertEquals(List.of(ErrorCode.E301), codes(r));
        assertTrue(r.diagnostics().all().get(0).notes().get(0).contains("'lr'"));
        Overrides.Result unknown = apply("opr.lr=0.1");
        assertEquals(List.of(ErrorCode.E201), codes(unknown));
        assertTrue(unknown.diagnostics().all().get(0).notes().get(0).contains("opt.lr"), unknown.diagnostics().all().toString());
        assertEquals(List.of(ErrorCode.E206), codes(apply("train.net.epoch=3")));
        assertEquals(List.of(ErrorCode.E201), codes(apply("train.nope.epochs=3")));
        assertEquals(List.of(ErrorCode.E201), codes(apply("opt=3")));
        assertEquals(List.of(ErrorCode.E301), codes(apply("train.lr=3")), "split parts have no parameters");
    }

    @Test
    void badValuesAreReported() {
        assertEquals(List.of(ErrorCode.E101), codes(apply("opt.lr=")));
        assertEquals(List.of(ErrorCode.E101), codes(apply("opt.lr")));
        assertEquals(List.of(ErrorCode.E101), codes(apply("opt.lr=adam(")));
        assertEquals(List.of(ErrorCode.E101), codes(apply("opt.lr=1 } train net on train {")), "no statement injection");
        assertEquals(List.of(ErrorCode.E101), codes(apply("opt..lr=1")));
        Overrides.Result none = apply();
        assertTrue(none.ok());
        assertSame(ErrorCode.E101, codes(apply("=1")).get(0));
    }

    @Test
    void setsAnArgumentOfTheCallAnOptionHolds() {
        Program withPrune = ScriptParser.parse("p.mlopt", SCRIPT + "prune net on train { method: magnitude(sparsity: 0.8, scope: global) }\n").program();
        Overrides.Result r = Overrides.apply(withPrune, List.of("train.net.optimizer=adam(lr: 0.1)", "prune.net.method.sparsity=0.5"),
                TestCatalog.REGISTRY);
        assertTrue(r.ok(), r.diagnostics().all().toString());
        assertTrue(printed(r).contains("(call magnitude sparsity=0.5 scope=$global)"), printed(r));
        Overrides.Result wrong = Overrides.apply(withPrune, List.of("prune.net.method.sparsty=0.5"), TestCatalog.REGISTRY);
        assertEquals(List.of(ErrorCode.E301), codes(wrong));
        assertTrue(wrong.diagnostics().all().get(0).message().contains("magnitude has no parameter 'sparsty'"),
                wrong.diagnostics().all().get(0).message());
    }
}
