package org.mlopt.check;

import org.mlopt.ast.Name;
import org.mlopt.diag.ErrorCode;

/**
 * Held-out test data must only ever be evaluated on: not fitted on by preprocessing (E501),
 * not used to select a model (E502), not to stop training early (E503), not trained on (E504).
 */
final class LeakageRules {

    private final CheckContext ctx;

    LeakageRules(CheckContext ctx) {
        this.ctx = ctx;
    }

    /** A split part is test data when its name starts with "test". */
    boolean isTest(String name) {
        Symbol s = ctx.symbols.get(name);
        return s != null && s.kind().equals("split") && SplitRoles.role(name).equals("test");
    }

    void preprocessFit(Name data) {
        report(data, ErrorCode.E501, "fitting preprocessing on it leaks test information into training",
                "help: fit on the training part; the fitted steps are applied to every part");
    }

    void search(Name data) {
        report(data, ErrorCode.E502, "searching on it selects the model by its test score, so the final evaluation is optimistic",
                "help: search on the training part (cross-validation splits it further) and evaluate on the test part afterwards");
    }

    void validation(Name data) {
        report(data, ErrorCode.E503, "validating or stopping early on it tunes training to the test set",
                "help: split off a validation part (valid: 0.2) or use validate: 0.1");
    }

    void training(Name data, String how) {
        report(data, ErrorCode.E504, how + " on it leaves no unseen data to evaluate on",
                "help: train on the training part and keep the test part for evaluate");
    }

    void transfer(Name data) {
        report(data, ErrorCode.E504, "its inputs as transfer data let the test set shape the student",
                "help: use a part of the training data, or an unlabeled part split off before the test part");
    }

    private void report(Name data, ErrorCode code, String why, String help) {
        if (!isTest(data.text())) return;
        ctx.diagnostics.error(code, data.span(), "'" + data.text() + "' is held-out test data: " + why, help);
    }
}
