package org.mlopt.plan;

import java.util.List;
import java.util.Map;

/**
 * The shape of a search, for the plan views.
 *
 * @param strategy   grid, random, tpe, halving or hyperband
 * @param candidates configurations evaluated (for halving: in the first rung; hyperband: over all brackets)
 * @param folds      folds per configuration (1 for holdout)
 * @param fits       FIT steps in the search
 * @param refits     1 when the best configuration is refitted on all the data
 * @param resource   epochs or samples for halving and hyperband, else null
 * @param rungs      halving / hyperband rungs, empty for the other strategies
 * @param grid       every grid candidate's values, in enumeration order (empty for sampled strategies)
 * @param space      one line per space key as written ({@code C: [0.01, 0.1]})
 */
public record SearchSummary(String strategy, int candidates, int folds, int fits, int refits, String resource,
                            List<Rung> rungs, List<Map<String, String>> grid, List<String> space) {

    public SearchSummary {
        rungs = List.copyOf(rungs);
        grid = List.copyOf(grid);
        space = List.copyOf(space);
    }
}
