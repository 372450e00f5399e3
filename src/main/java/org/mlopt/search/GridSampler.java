package org.mlopt.search;

import java.util.List;

/**
 * Every grid candidate, in scikit-learn's {@code ParameterGrid} order (keys sorted, the first
 * sorted key varying slowest; conditional keys multiply only where active), as the planner
 * enumerates them, so ties resolve as in {@code GridSearchCV}.
 */
public final class GridSampler implements Sampler {

    private final List<Config> candidates;

    public GridSampler(SearchSpace space) {
        this.candidates = space.grid();
    }

    public List<Config> candidates() {
        return candidates;
    }

    public int size() {
        return candidates.size();
    }

    public boolean adaptive() {
        return false;
    }

    public Config propose(int index, History history) {
        if (index >= candidates.size())
            throw new IllegalArgumentException("the grid has " + candidates.size() + " candidates, not " + (index + 1));
        return candidates.get(index);
    }

    public String describe() {
        return "grid (" + candidates.size() + " candidates)";
    }
}
