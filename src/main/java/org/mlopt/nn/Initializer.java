package org.mlopt.nn;

import java.util.SplittableRandom;
import org.mlopt.autodiff.Tensor;

/**
 * Weight initialisation schemes, drawn from a seeded generator. Weights are stored inputs×outputs
 * (y = x·W + b), so fan_in is the number of rows.
 */
public enum Initializer {
    /** PyTorch's nn.Linear default: W and b ~ U(−1/√fan_in, 1/√fan_in). */
    TORCH_DEFAULT,
    /** He (Kaiming) normal for ReLU: W ~ N(0, 2/fan_in), b = 0. */
    HE,
    /** Xavier (Glorot) uniform: W ~ U(±√(6/(fan_in + fan_out))), b = 0. */
    XAVIER;

    public void initWeight(Tensor w, SplittableRandom random) {
        int fanIn = w.rows();
        int fanOut = w.cols();
        int n = w.size();
        for (int k = 0; k < n; k++) {
            double v;
            switch (this) {
                case TORCH_DEFAULT:
                    v = uniform(random, 1.0 / Math.sqrt(fanIn));
                    break;
                case HE:
                    v = random.nextGaussian() * Math.sqrt(2.0 / fanIn);
                    break;
                default:
                    v = uniform(random, Math.sqrt(6.0 / (fanIn + fanOut)));
                    break;
            }
            w.set(k, v);
        }
    }

    public void initBias(Tensor b, int fanIn, SplittableRandom random) {
        int n = b.size();
        for (int k = 0; k < n; k++) {
            b.set(k, this == TORCH_DEFAULT ? uniform(random, 1.0 / Math.sqrt(fanIn)) : 0.0);
        }
    }

    private static double uniform(SplittableRandom random, double bound) {
        return (2.0 * random.nextDouble() - 1.0) * bound;
    }
}
