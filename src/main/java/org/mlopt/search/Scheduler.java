package org.mlopt.search;

/**
 * How trials share the budget: all at full budget ({@link #NONE}), successive halving, or
 * Hyperband's brackets of successive halving. Rungs come from the planner's halving rules, so the
 * plan shown to the user and the search that runs agree.
 */
public sealed interface Scheduler permits Scheduler.Full, Scheduler.SuccessiveHalving, Scheduler.Hyperband {

    /** Every trial at the full budget. */
    Scheduler NONE = new Full();

    /** Every trial at the full budget. */
    record Full() implements Scheduler {}

    /**
     * Successive halving (scikit-learn's {@code HalvingGridSearchCV} rules): rung i evaluates
     * {@code ceil(n / factor^i)} configurations with {@code min * factor^i} units of
     * {@code resource}; the best of each rung (mean score, ties to the earlier trial) go on.
     *
     * @param candidates configurations in the first rung; 0 takes the grid's size for a grid
     *                   sampler, otherwise {@code factor^(rungs-1)} (scikit-learn's {@code 'exhaust'})
     */
    record SuccessiveHalving(String resource, double factor, double minResource, double maxResource, int candidates)
            implements Scheduler {
        public SuccessiveHalving {
            check(resource, factor, minResource, maxResource);
        }
    }

    /** Hyperband (Li et al. 2018): brackets of successive halving from aggressive to none. */
    record Hyperband(String resource, double factor, double minResource, double maxResource) implements Scheduler {
        public Hyperband {
            check(resource, factor, minResource, maxResource);
        }
    }

    private static void check(String resource, double factor, double min, double max) {
        new Resource(resource, min);
        if (resource.equals("full")) throw new IllegalArgumentException("halving needs resource epochs or samples");
        if (!(factor > 1)) throw new IllegalArgumentException("halving factor must be > 1, got " + factor);
        if (!(min > 0) || !(max >= min))
            throw new IllegalArgumentException("halving needs 0 < min_resource <= max_resource, got " + min + ", " + max);
    }
}
