package org.mlopt.report;

import java.util.List;

/**
 * Maps data values to the unit interval [0, 1] along one axis and names the ticks to draw.
 * Implementations: {@link LinearScale}, {@link LogScale}, {@link CategoryScale}.
 */
public interface Scale {

    /** Position of {@code value} in [0, 1] (outside when the value lies beyond the domain). */
    double unit(double value);

    /** The ticks to draw, in increasing order. */
    List<Tick> ticks();

    /** A tick: its data value and its label. */
    record Tick(double value, String label) {}
}
