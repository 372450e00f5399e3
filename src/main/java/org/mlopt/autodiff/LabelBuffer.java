package org.mlopt.autodiff;

/** Integer class labels of the current batch, filled by the training loop before a forward pass. */
public final class LabelBuffer {

    private final String name;
    private int[] labels = new int[0];
    private int size;

    LabelBuffer(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    void plan(int maxBatch) {
        if (labels.length < maxBatch) {
            labels = new int[maxBatch];
        }
    }

    /** The backing array; entries {@code [0, size)} are this batch's labels. */
    public int[] array() {
        return labels;
    }

    public int size() {
        return size;
    }

    public void setSize(int n) {
        if (n > labels.length) {
            throw new IllegalArgumentException("batch of " + n + " labels exceeds the planned " + labels.length);
        }
        size = n;
    }

    public int get(int i) {
        return labels[i];
    }
}
