package org.mlopt.train;

import org.mlopt.optim.LrSchedule;

/**
 * A learning-rate schedule that watches a history value other than the default (the validation
 * loss, or the training loss without validation data): the trainer reports {@code monitor} to
 * {@code schedule} at the end of every epoch, computing {@code metric} on the validation data when
 * it is not null ({@code monitor} is then its key). Used by {@code plateau(metric: ...)}.
 */
public record MonitoredSchedule(LrSchedule schedule, String monitor, ValidationMetric metric) implements LrSchedule {

    public MonitoredSchedule {
        if (schedule == null || monitor == null || monitor.isBlank()) {
            throw new IllegalArgumentException("a monitored schedule needs a schedule and a monitored value");
        }
        if (metric != null && !metric.key().equals(monitor)) {
            throw new IllegalArgumentException("the schedule monitors '" + monitor + "' but its metric is recorded as '" + metric.key() + "'");
        }
    }

    @Override
    public double learningRate(int epoch, double baseLr) {
        return schedule.learningRate(epoch, baseLr);
    }

    @Override
    public void endOfEpoch(int epoch, double monitored) {
        schedule.endOfEpoch(epoch, monitored);
    }
}
