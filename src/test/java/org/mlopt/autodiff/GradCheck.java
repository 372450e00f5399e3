package org.mlopt.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Central finite-difference gradient checks in float64 (test helper). */
public final class GradCheck {

    private GradCheck() {}

    /**
     * Compares every element of each node's analytic gradient with (f(v+h) − f(v−h))/2h, asserting
     * |analytic − numeric| ≤ tol·max(1, |analytic|, |numeric|).
     */
    public static void check(Program program, List<Node> wrt, double h, double tol) {
        program.forward();
        program.backward();
        for (Node n : wrt) {
            Tensor v = n.value();
            Tensor analytic = n.grad().copy();
            for (int k = 0; k < v.size(); k++) {
                double orig = v.get(k);
                v.set(k, orig + h);
                program.forward();
                double fp = program.value();
                v.set(k, orig - h);
                program.forward();
                double fm = program.value();
                v.set(k, orig);
                double numeric = (fp - fm) / (2 * h);
                double a = analytic.get(k);
                double scale = Math.max(1.0, Math.max(Math.abs(a), Math.abs(numeric)));
                assertTrue(Math.abs(a - numeric) <= tol * scale, () -> n.name() + "[" + "] analytic " + a
                        + " vs numeric " + numeric);
            }
        }
        program.forward();
    }

    public static void check(Program program, List<Node> wrt) {
        check(program, wrt, 1e-6, 1e-7);
    }

    /** A float64 parameter filled with uniform values in [lo, hi), kept at least {@code gap} from 0. */
    public static Tensor random(java.util.SplittableRandom r, int rows, int cols, double lo, double hi, double gap) {
        Tensor t = Tensor.zeros(Precision.FLOAT64, rows, cols);
        for (int k = 0; k < t.size(); k++) {
            double v;
            do {
                v = lo + (hi - lo) * r.nextDouble();
            } while (Math.abs(v) < gap);
            t.set(k, v);
        }
        return t;
    }
}
