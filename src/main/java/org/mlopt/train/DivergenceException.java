package org.mlopt.train;

/**
 * Training stopped because the loss or a parameter stopped being a finite number. The message
 * names where (1-based epoch and batch) and what to try.
 */
public final class DivergenceException extends RuntimeException {

    private final int epoch;
    private final int batch;

    public DivergenceException(int epoch, int batch, String message) {
        super(message);
        this.epoch = epoch;
        this.batch = batch;
    }

    /** 1-based epoch. */
    public int epoch() {
        return epoch;
    }

    /** 1-based batch within the epoch. */
    public int batch() {
        return batch;
    }
}
