package org.mlopt.schema;

import java.util.List;

import static org.mlopt.schema.Component.of;
import static org.mlopt.schema.Param.of;

/** Pruning methods and pruning schedules ({@code prune M on D { method: ... schedule: ... }}). */
final class CompressionCatalog {

    private CompressionCatalog() {}

    static List<Component> all() {
        return List.of(magnitude(), neurons(), oneShot(), iterative(), gradual());
    }

    private static Param sparsity(String doc) {
        return of("sparsity", Type.number()).required().positional().range(Range.unitOpenRight()).doc(doc);
    }

    private static Component magnitude() {
        return of(Kind.PRUNE_METHOD, "magnitude",
                "Unstructured pruning: zeroes the round(sparsity·n) weights of smallest absolute value and keeps them at zero with a mask (PyTorch's l1_unstructured / global_unstructured).")
                .param(sparsity("Share of the weights to remove."))
                .param(of("scope", Type.choice("global", "layer")).defaultValue("global")
                        .doc("global: one threshold across all pruned layers; layer: the share in each layer."))
                .param(of("include_bias", Type.bool()).defaultValue(false).doc("Prune biases too (PyTorch prunes weights only)."))
                .param(of("layers", Type.listOf(Type.integer()))
                        .doc("Indexes of the dense layers to prune, from 0; when omitted, every dense layer including the output."))
                .build();
    }

    private static Component neurons() {
        return of(Kind.PRUNE_METHOD, "neurons",
                "Structured pruning of hidden units: zeroes the incoming weight rows with the smallest norm (PyTorch's ln_structured, dim 0); output units are never removed and every hidden layer keeps at least one unit.")
                .param(sparsity("Share of the hidden units to remove."))
                .param(of("norm", Type.choice("l1", "l2")).defaultValue("l1").doc("Norm of a unit's incoming weights that ranks it."))
                .param(of("scope", Type.choice("layer", "global")).defaultValue("layer")
                        .doc("layer: the share in each hidden layer; global: one ranking across hidden layers."))
                .build();
    }

    private static Component oneShot() {
        return of(Kind.PRUNE_SCHEDULE, "one_shot", "Prune to the target sparsity at once, then fine-tune if asked.").build();
    }

    private static Component iterative() {
        return of(Kind.PRUNE_SCHEDULE, "iterative",
                "Reach the target sparsity in equal steps, fine-tuning after each step with the finetune settings.")
                .param(of("steps", Type.integer()).defaultValue(3).range(Range.atLeast(1)).positional().doc("Number of prune-and-fine-tune rounds."))
                .build();
    }

    private static Component gradual() {
        return of(Kind.PRUNE_SCHEDULE, "gradual",
                "Gradual pruning (Zhu and Gupta 2017): trains for `epochs` epochs with the finetune settings, the sparsity during epoch t being s + (initial − s)·(1 − t/epochs)^power, so the last epoch trains at the target s; the masks rise between epochs. Then the finetune settings' own epochs train on at the target with the masks kept. Magnitude pruning only.")
                .param(of("epochs", Type.integer()).defaultValue(10).range(Range.atLeast(1)).positional().doc("Epochs over which sparsity rises."))
                .param(of("power", Type.number()).defaultValue(3).range(Range.positive()).doc("Exponent of the sparsity curve."))
                .param(of("initial", Type.number()).defaultValue(0.0).range(Range.unitOpenRight()).doc("Sparsity at the start."))
                .build();
    }
}
