package org.mlopt.optim;

import java.util.List;
import org.mlopt.autodiff.Graph;
import org.mlopt.autodiff.Node;
import org.mlopt.autodiff.Ops;

/**
 * Penalties added to the loss, on weight matrices only (never biases):
 * L1 adds λ·Σ|w|, L2 adds λ·Σw² (no ½, so the gradient is 2λw: PyTorch's weight_decay=wd
 * corresponds to λ = wd/2), elastic net adds λ·(r·Σ|w| + (1−r)·Σw²).
 */
public sealed interface Regularizer permits Regularizer.L1, Regularizer.L2, Regularizer.ElasticNet {

    /** The penalty node over {@code weights}. */
    Node attach(Graph g, List<Node> weights);

    record L1(double lambda) implements Regularizer {
        public L1 {
            checkLambda(lambda);
        }

        public Node attach(Graph g, List<Node> weights) {
            return g.apply(new Ops.Penalty(Ops.PenaltyKind.L1, lambda, weights.toArray(new Node[0])));
        }
    }

    record L2(double lambda) implements Regularizer {
        public L2 {
            checkLambda(lambda);
        }

        public Node attach(Graph g, List<Node> weights) {
            return g.apply(new Ops.Penalty(Ops.PenaltyKind.L2, lambda, weights.toArray(new Node[0])));
        }
    }

    record ElasticNet(double lambda, double l1Ratio) implements Regularizer {
        public ElasticNet {
            checkLambda(lambda);
            if (!(l1Ratio >= 0.0 && l1Ratio <= 1.0)) {
                throw new IllegalArgumentException("l1_ratio must be in [0, 1], got " + l1Ratio);
            }
        }

        public Node attach(Graph g, List<Node> weights) {
            Node[] ws = weights.toArray(new Node[0]);
            Node l1 = g.apply(new Ops.Penalty(Ops.PenaltyKind.L1, lambda * l1Ratio, ws));
            Node l2 = g.apply(new Ops.Penalty(Ops.PenaltyKind.L2, lambda * (1.0 - l1Ratio), ws));
            return g.add(l1, l2);
        }
    }

    private static void checkLambda(double lambda) {
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("Invalid regularization strength: " + lambda);
        }
    }
}
