package org.mlopt.check;

import org.junit.jupiter.api.Test;
import org.mlopt.diag.Diagnostic;
import org.mlopt.diag.ErrorCode;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wording of the diagnostics users meet most, exactly as the language spec's examples
 * give it. Everything else is tested through codes and spans (GoldenDiagnosticsTest).
 */
class CheckerMessagesTest {

    private static Diagnostic only(String script, ErrorCode code) {
        CheckResult r = Scripts.check(Scripts.ROOT.resolve("bad").resolve(script));
        List<Diagnostic> ds = r.diagnostics().sorted().stream().filter(d -> d.code() == code).toList();
        assertEquals(1, ds.size(), () -> r.diagnostics().all().toString());
        return ds.get(0);
    }

    @Test
    void unknownParameterSuggestsTheNearestName() {
        Diagnostic d = only("misspelt_param.mlopt", ErrorCode.E301);
        assertEquals("unknown parameter 'lrr' of optimizer adam", d.message());
        assertEquals(List.of("help: did you mean 'lr'?"), d.notes());
        assertEquals("2:22-2:24", d.span().toString(), "the parameter's name");
    }

    @Test
    void rangeErrorsQuoteTheRuleAndTheValue() {
        Diagnostic d = only("lr_negative.mlopt", ErrorCode.E304);
        assertEquals("lr must be > 0, got -0.1", d.message());
        assertEquals("2:26-2:29", d.span().toString(), "the value, minus sign included");
        assertEquals("sparsity must be in [0, 1), got 1.0", only("sparsity_one.mlopt", ErrorCode.E304).message());
    }

    @Test
    void inputWidthNamesTheDataItCameFrom() {
        assertEquals("network 'net' takes 64 inputs from 'train' but declares input: 32",
                only("wrong_input_width.mlopt", ErrorCode.E401).message());
    }

    @Test
    void lossOnTheWrongTaskNamesTheColumnAndFile() {
        assertEquals("cross_entropy needs a classification target, but 'progression' in diabetes.csv is numeric (regression)",
                only("cross_entropy_regression.mlopt", ErrorCode.E403).message());
    }

    @Test
    void leakageSaysWhyItLeaks() {
        assertEquals("'test' is held-out test data: fitting preprocessing on it leaks test information into training",
                only("test_preprocess_fit.mlopt", ErrorCode.E501).message());
    }

    @Test
    void unknownComponentAndTargetColumnSuggest() {
        assertEquals(List.of("help: did you mean 'adam'?"), only("unknown_component.mlopt", ErrorCode.E205).notes());
        assertEquals(List.of("help: did you mean 'species'?"), only("missing_target_column.mlopt", ErrorCode.E803).notes());
    }

    @Test
    void everyErrorOfAScriptIsReportedTogether() {
        CheckResult r = Scripts.check(Scripts.ROOT.resolve("bad").resolve("multiple_errors.mlopt"));
        List<ErrorCode> codes = r.diagnostics().sorted().stream().map(Diagnostic::code).toList();
        assertEquals(List.of(ErrorCode.E803, ErrorCode.E304, ErrorCode.E301, ErrorCode.E205, ErrorCode.E304, ErrorCode.E504,
                ErrorCode.E304, ErrorCode.E201, ErrorCode.E207), codes);
    }

    @Test
    void aScriptThatDoesNotParseIsNotChecked() {
        CheckResult r = Scripts.check("x.mlopt", "model m = \n", Path.of("."));
        assertTrue(r.diagnostics().all().stream().allMatch(d -> d.code() == ErrorCode.E101), r.diagnostics().all().toString());
        assertEquals(null, r.program());
    }
}
