package org.mlopt.train;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;

/**
 * Training or validation data: features (n × d) with either integer class labels or a target
 * matrix (n × outputs), and optionally teacher outputs (n × outputs) for distillation and the
 * class names (in label order) that validation metrics report classes by.
 */
public final class Dataset {

    private final Tensor features;
    private final int[] labels;
    private final Tensor targets;
    private final Tensor teacher;
    private final List<String> classes;

    private Dataset(Tensor features, int[] labels, Tensor targets, Tensor teacher, List<String> classes) {
        if ((labels == null) == (targets == null)) {
            throw new IllegalArgumentException("a dataset needs either class labels or a target matrix");
        }
        int n = features.rows();
        if (labels != null && labels.length != n) {
            throw new IllegalArgumentException(n + " feature rows but " + labels.length + " labels");
        }
        if (targets != null && targets.rows() != n) {
            throw new IllegalArgumentException(n + " feature rows but " + targets.rows() + " target rows");
        }
        if (teacher != null && teacher.rows() != n) {
            throw new IllegalArgumentException(n + " feature rows but " + teacher.rows() + " teacher rows");
        }
        this.features = features;
        this.labels = labels;
        this.targets = targets;
        this.teacher = teacher;
        this.classes = classes == null ? null : List.copyOf(classes);
    }

    public static Dataset classification(Tensor x, int[] labels) {
        return new Dataset(x, labels.clone(), null, null, null);
    }

    public static Dataset classification(FMatrixRMaj x, int[] labels) {
        return classification(Tensor.wrap(x), labels);
    }

    public static Dataset classification(DMatrixRMaj x, int[] labels) {
        return classification(Tensor.wrap(x), labels);
    }

    public static Dataset regression(Tensor x, Tensor targets) {
        return new Dataset(x, null, targets, null, null);
    }

    public static Dataset regression(FMatrixRMaj x, FMatrixRMaj targets) {
        return regression(Tensor.wrap(x), Tensor.wrap(targets));
    }

    public static Dataset regression(DMatrixRMaj x, DMatrixRMaj targets) {
        return regression(Tensor.wrap(x), Tensor.wrap(targets));
    }

    /** The same data with teacher outputs (logits for classification) attached. */
    public Dataset withTeacher(Tensor teacherOutputs) {
        return new Dataset(features, labels, targets, teacherOutputs, classes);
    }

    /** The same data with class names in label order (for a 0/1 target matrix: the two classes). */
    public Dataset withClasses(List<String> names) {
        return new Dataset(features, labels, targets, teacher, names);
    }

    /** Class names in label order, or null when not given. */
    public List<String> classes() {
        return classes;
    }

    public int size() {
        return features.rows();
    }

    public Tensor features() {
        return features;
    }

    /** Class labels, or null for matrix targets. */
    public int[] labels() {
        return labels;
    }

    /** Target matrix, or null for class labels. */
    public Tensor targets() {
        return targets;
    }

    /** Teacher outputs, or null. */
    public Tensor teacher() {
        return teacher;
    }

    /** A copy holding the rows {@code idx} in that order, converted to {@code precision}. */
    public Dataset select(int[] idx, Precision precision) {
        int[] ls = null;
        if (labels != null) {
            ls = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                ls[i] = labels[idx[i]];
            }
        }
        return new Dataset(rows(features, idx, precision), ls,
                targets == null ? null : rows(targets, idx, precision),
                teacher == null ? null : rows(teacher, idx, precision), classes);
    }

    /** All rows converted to {@code precision} (the same object when already there). */
    public Dataset in(Precision precision) {
        boolean same = features.precision() == precision
                && (targets == null || targets.precision() == precision)
                && (teacher == null || teacher.precision() == precision);
        if (same) {
            return this;
        }
        int[] all = new int[size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return select(all, precision);
    }

    private static Tensor rows(Tensor src, int[] idx, Precision precision) {
        int d = src.cols();
        Tensor out = Tensor.zeros(precision, idx.length, d);
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < d; j++) {
                out.set(i * d + j, src.get(idx[i] * d + j));
            }
        }
        return out;
    }
}
