package org.mlopt.linear;

/** A differentiable objective: returns f(x) and writes ∇f(x) into {@code grad}. */
interface SmoothFunction {

    int dimension();

    double valueAndGradient(double[] x, double[] grad);
}
