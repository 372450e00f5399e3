package org.mlopt.diag;

/**
 * Every diagnostic mlopt can report, with a stable code. Tests assert codes and spans, never
 * the wording of messages. Codes are grouped by hundred: 1xx syntax, 2xx names, 3xx parameters
 * and values, 4xx shapes and tasks, 5xx data leakage, 6xx search spaces, 7xx pruning and
 * distillation, 8xx data files and paths, 9xx not supported yet; R-codes are failures while running.
 */
public enum ErrorCode {
    // Syntax
    E101("syntax error"),
    E102("unexpected character"),
    E103("unterminated string"),
    E104("invalid number"),
    E105("invalid escape in string"),

    // Names
    E201("unknown name"),
    E202("duplicate name"),
    E203("used before it is declared"),
    E204("name of the wrong kind"),
    E205("unknown component"),
    E206("unknown statement option"),
    E207("component of the wrong kind"),

    // Parameters and values
    E301("unknown parameter"),
    E302("missing required parameter"),
    E303("wrong type"),
    E304("value out of range"),
    E305("parameter given twice"),
    E306("too many positional arguments"),
    E307("invalid choice"),
    E308("conflicting settings"),
    E309("split fractions do not add up"),

    // Shapes and tasks
    E401("input width does not match the data"),
    E402("output width does not match the target"),
    E403("loss does not fit the task"),
    E404("metric does not fit the task"),
    E405("model does not fit the task"),
    E406("network is empty"),
    E407("model is not trained"),
    E408("model does not fit the data"),

    // Leakage
    E501("test data used to fit preprocessing"),
    E502("test data used to select a model"),
    E503("test data used to stop early"),
    E504("test data used for training"),

    // Search spaces
    E601("invalid search space"),
    E602("search path leads nowhere"),
    E603("conditional parameter can never be active"),
    E604("strategy cannot take this space"),
    E605("empty search range"),

    // Pruning and distillation
    E701("pruning would empty a layer"),
    E702("teacher and student outputs differ"),
    E703("invalid pruning target"),

    // Data files and paths
    E801("file not found"),
    E802("cannot read data header"),
    E803("target column not found"),

    // Not supported yet
    E901("not implemented yet"),

    // Failures while running a valid script (exit code 1)
    R001("run failed"),

    // Warnings
    W101("large plan"),
    W102("unused declaration"),
    W103("setting has no effect");

    private final String title;

    ErrorCode(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public boolean isWarning() {
        return name().startsWith("W");
    }
}
