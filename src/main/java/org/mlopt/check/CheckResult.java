package org.mlopt.check;

import org.mlopt.diag.Diagnostics;

/** The checker's answer: a checked program when there were no errors, and every diagnostic found. */
public record CheckResult(CheckedProgram program, Diagnostics diagnostics) {
    public boolean ok() {
        return program != null && !diagnostics.hasErrors();
    }
}
