package org.mlopt.loss;

import org.mlopt.autodiff.LabelBuffer;
import org.mlopt.autodiff.Node;

/**
 * A loss attached to a graph: the scalar node, and the data inputs the training loop fills per
 * batch — class labels or a target matrix (one of them), and teacher outputs for distillation.
 */
public record LossHead(Node loss, LabelBuffer labels, Node targets, Node teacher) {

    public boolean usesLabels() {
        return labels != null;
    }
}
