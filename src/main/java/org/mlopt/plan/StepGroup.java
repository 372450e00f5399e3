package org.mlopt.plan;

import org.mlopt.ast.Span;

import java.util.List;

/** The steps of one search statement: its fits, promotions, selection and refit. */
public record StepGroup(String id, String label, int statement, Span span, List<String> stepIds, SearchSummary summary) {

    public StepGroup {
        stepIds = List.copyOf(stepIds);
    }
}
