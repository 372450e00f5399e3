package org.mlopt.check;

import org.mlopt.ast.Span;

/** Shapes of a network's layers as the checker infers them. */
final class NetworkShape {

    private NetworkShape() {}

    /**
     * A layer that changes the width (one with a {@code units} parameter, i.e. dense).
     *
     * @param index     its position among the network's dense layers
     * @param unitsSpan where its width is written (the units argument, or the call)
     */
    record Layer(int index, int units, boolean bias, Span unitsSpan, Span span) {}
}
