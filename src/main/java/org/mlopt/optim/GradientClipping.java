package org.mlopt.optim;

import java.util.List;
import org.mlopt.autodiff.Tensor;

/** Rescaling of gradients by their global norm, as torch.nn.utils.clip_grad_norm_. */
public final class GradientClipping {

    private GradientClipping() {}

    /**
     * Scales every gradient by maxNorm/(‖g‖ + 1e-6) when the global L2 norm ‖g‖ over all of them
     * exceeds {@code maxNorm}; returns the norm before clipping.
     */
    public static double clipByGlobalNorm(List<Tensor> grads, double maxNorm) {
        if (!(maxNorm > 0.0)) {
            throw new IllegalArgumentException("clip_norm must be positive, got " + maxNorm);
        }
        double sq = 0;
        for (Tensor g : grads) {
            int n = g.size();
            if (g.isFloat()) {
                float[] a = g.fa();
                for (int k = 0; k < n; k++) {
                    sq += (double) a[k] * a[k];
                }
            } else {
                double[] a = g.da();
                for (int k = 0; k < n; k++) {
                    sq += a[k] * a[k];
                }
            }
        }
        double norm = Math.sqrt(sq);
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1.0) {
            for (Tensor g : grads) {
                int n = g.size();
                if (g.isFloat()) {
                    float[] a = g.fa();
                    float c = (float) coef;
                    for (int k = 0; k < n; k++) {
                        a[k] *= c;
                    }
                } else {
                    double[] a = g.da();
                    for (int k = 0; k < n; k++) {
                        a[k] *= coef;
                    }
                }
            }
        }
        return norm;
    }
}
