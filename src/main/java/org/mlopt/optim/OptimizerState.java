package org.mlopt.optim;

/**
 * The mutable part of an optimizer: step count, current learning rate (schedules change it) and,
 * in subclasses, buffers (moments, velocities) owned by the state and updated in place.
 */
public class OptimizerState {

    private int step;
    private double learningRate;

    protected OptimizerState(double learningRate) {
        this.learningRate = learningRate;
    }

    /** Updates applied so far. */
    public int step() {
        return step;
    }

    void advance() {
        step++;
    }

    public double learningRate() {
        return learningRate;
    }

    public void setLearningRate(double lr) {
        Optimizer.checkLearningRate(lr);
        this.learningRate = lr;
    }
}
