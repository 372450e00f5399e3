package org.mlopt.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a step is expected to cost and produce, for the plan views and for scheduling.
 *
 * @param shape      rows x features of the data the step works on ({@link Shape#UNKNOWN} if none)
 * @param parameters trainable parameters of the model it produces or uses, -1 when not applicable
 * @param fits       model fits the step performs (1 for a training step, 0 for data steps)
 * @param flops      estimated FLOPs ({@link CostModel}), -1 when unknown
 * @param details    further facts in display order (sparsity, rung, resource, candidate values)
 */
public record StepAttributes(Shape shape, long parameters, int fits, double flops, Map<String, String> details) {

    public StepAttributes {
        if (shape == null) shape = Shape.UNKNOWN;
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static StepAttributes none() {
        return new StepAttributes(Shape.UNKNOWN, -1, 0, 0, Map.of());
    }

    public TimeClass timeClass() {
        return TimeClass.of(Math.max(flops, 0));
    }
}
