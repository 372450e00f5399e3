package org.mlopt.loss;

import org.mlopt.autodiff.Graph;
import org.mlopt.autodiff.LabelBuffer;
import org.mlopt.autodiff.Node;
import org.mlopt.autodiff.Ops;

/**
 * Training objectives, as PyTorch defines them with reduction='mean' (element mean for regression
 * losses, batch mean for classification). Each attaches its ops to a graph after the prediction
 * node; the vector-Jacobian rules are in {@link Ops}.
 */
public sealed interface Loss permits Loss.MeanSquaredError, Loss.MeanAbsoluteError, Loss.Huber,
        Loss.BinaryCrossEntropyWithLogits, Loss.CrossEntropy, Loss.Distillation, Loss.MseToTeacher {

    /** True when the targets are integer class labels rather than a matrix. */
    boolean usesLabels();

    /** True when the loss reads teacher outputs (distillation). */
    default boolean usesTeacher() {
        return false;
    }

    /** Adds this loss's ops and inputs to {@code g} after {@code prediction}. */
    LossHead attach(Graph g, Node prediction);

    /** mean (p − t)² (torch.nn.MSELoss). */
    record MeanSquaredError() implements Loss {
        public boolean usesLabels() {
            return false;
        }

        public LossHead attach(Graph g, Node prediction) {
            Node t = g.input("targets", prediction.cols());
            return new LossHead(g.apply(new Ops.ElementwiseLoss(prediction, t, Ops.PointLoss.SQUARED, 0)), null, t, null);
        }
    }

    /** mean |p − t| (torch.nn.L1Loss). */
    record MeanAbsoluteError() implements Loss {
        public boolean usesLabels() {
            return false;
        }

        public LossHead attach(Graph g, Node prediction) {
            Node t = g.input("targets", prediction.cols());
            return new LossHead(g.apply(new Ops.ElementwiseLoss(prediction, t, Ops.PointLoss.ABSOLUTE, 0)), null, t, null);
        }
    }

    /** torch.nn.HuberLoss(delta): ½d² for |d| ≤ δ, δ(|d| − ½δ) beyond, averaged. */
    record Huber(double delta) implements Loss {
        public Huber {
            if (!(delta > 0.0) || Double.isInfinite(delta)) {
                throw new IllegalArgumentException("huber delta must be positive, got " + delta);
            }
        }

        public boolean usesLabels() {
            return false;
        }

        public LossHead attach(Graph g, Node prediction) {
            Node t = g.input("targets", prediction.cols());
            return new LossHead(g.apply(new Ops.ElementwiseLoss(prediction, t, Ops.PointLoss.HUBER, delta)), null, t, null);
        }
    }

    /** torch.nn.BCEWithLogitsLoss: targets in [0, 1], one column per binary output. */
    record BinaryCrossEntropyWithLogits() implements Loss {
        public boolean usesLabels() {
            return false;
        }

        public LossHead attach(Graph g, Node prediction) {
            Node t = g.input("targets", prediction.cols());
            return new LossHead(g.apply(new Ops.ElementwiseLoss(prediction, t,
                    Ops.PointLoss.BINARY_CROSS_ENTROPY_LOGITS, 0)), null, t, null);
        }
    }

    /** torch.nn.CrossEntropyLoss(label_smoothing) on logits and class labels. */
    record CrossEntropy(double labelSmoothing) implements Loss {
        public CrossEntropy {
            if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0)) {
                throw new IllegalArgumentException("label_smoothing must be in [0, 1], got " + labelSmoothing);
            }
        }

        public CrossEntropy() {
            this(0.0);
        }

        public boolean usesLabels() {
            return true;
        }

        public LossHead attach(Graph g, Node prediction) {
            LabelBuffer y = g.labels("labels");
            return new LossHead(g.apply(new Ops.CrossEntropy(prediction, y, labelSmoothing)), y, null, null);
        }
    }

    /**
     * Knowledge distillation on logits: (1−α)·CE(y, s) + α·T²·KL(softmax(t/T) ‖ softmax(s/T)),
     * the KL from log-softmax with batch mean (Hinton et al.; W7 of the bench).
     */
    record Distillation(double alpha, double temperature) implements Loss {
        public Distillation {
            checkAlpha(alpha);
            if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
                throw new IllegalArgumentException("temperature must be positive, got " + temperature);
            }
        }

        public boolean usesLabels() {
            return true;
        }

        public boolean usesTeacher() {
            return true;
        }

        public LossHead attach(Graph g, Node prediction) {
            LabelBuffer y = g.labels("labels");
            Node teacher = g.input("teacher", prediction.cols());
            Node ce = g.apply(new Ops.CrossEntropy(prediction, y, 0.0));
            Node kl = g.apply(new Ops.SoftTargetKl(prediction, teacher, temperature));
            Node loss = g.add(g.scale(ce, 1.0 - alpha), g.scale(kl, alpha));
            return new LossHead(loss, y, null, teacher);
        }
    }

    /** Distillation for regression: (1−α)·MSE(y, s) + α·MSE(t, s). */
    record MseToTeacher(double alpha) implements Loss {
        public MseToTeacher {
            checkAlpha(alpha);
        }

        public boolean usesLabels() {
            return false;
        }

        public boolean usesTeacher() {
            return true;
        }

        public LossHead attach(Graph g, Node prediction) {
            Node t = g.input("targets", prediction.cols());
            Node teacher = g.input("teacher", prediction.cols());
            Node toTargets = g.apply(new Ops.ElementwiseLoss(prediction, t, Ops.PointLoss.SQUARED, 0));
            Node toTeacher = g.apply(new Ops.ElementwiseLoss(prediction, teacher, Ops.PointLoss.SQUARED, 0));
            Node loss = g.add(g.scale(toTargets, 1.0 - alpha), g.scale(toTeacher, alpha));
            return new LossHead(loss, null, t, teacher);
        }
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha >= 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("distillation alpha must be in [0, 1], got " + alpha);
        }
    }
}
