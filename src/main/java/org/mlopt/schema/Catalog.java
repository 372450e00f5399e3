package org.mlopt.schema;

import java.util.ArrayList;
import java.util.List;

import static org.mlopt.schema.Component.of;
import static org.mlopt.schema.Param.of;

/**
 * The list of every component mlopt knows. Split by area into the files of the
 * {@code org.mlopt.schema} package; this class only gathers them.
 */
final class Catalog {

    private Catalog() {}

    static List<Component> all() {
        List<Component> out = new ArrayList<>();
        out.add(of(Kind.OPTIMIZER, "adam", "Adam with bias-corrected first and second moment estimates.")
                .param(of("lr", Type.number()).defaultValue(1e-3).range(Range.positive()).positional().doc("Learning rate."))
                .param(of("beta1", Type.number()).defaultValue(0.9).range(Range.unitOpenRight()).doc("Decay of the first moment."))
                .param(of("beta2", Type.number()).defaultValue(0.999).range(Range.unitOpenRight()).doc("Decay of the second moment."))
                .param(of("eps", Type.number()).defaultValue(1e-8).range(Range.positive()).doc("Added to the denominator for stability."))
                .param(of("weight_decay", Type.number()).defaultValue(0.0).range(Range.nonNegative()).doc("L2 penalty added to the gradient (as PyTorch's Adam)."))
                .build());
        return out;
    }
}
