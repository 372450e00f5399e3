package org.mlopt.plan;

/**
 * A rough wall-time class for an estimated FLOP count, at {@link CostModel#FLOPS_PER_SECOND}.
 * Good enough to tell a user that a plan takes minutes rather than seconds, nothing finer.
 */
public enum TimeClass {
    INSTANT("< 0.1 s"), SECONDS("seconds"), MINUTES("minutes"), HOURS("hours"), DAYS("days");

    private final String label;

    TimeClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static TimeClass of(double flops) {
        double seconds = flops / CostModel.FLOPS_PER_SECOND;
        if (seconds < 0.1) return INSTANT;
        if (seconds < 60) return SECONDS;
        if (seconds < 3600) return MINUTES;
        if (seconds < 86400) return HOURS;
        return DAYS;
    }
}
