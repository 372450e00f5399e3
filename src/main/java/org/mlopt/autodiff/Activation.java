package org.mlopt.autodiff;

/**
 * Element-wise activations with their derivatives. {@link #GELU} is the exact form
 * x·Φ(x) = x·(1 + erf(x/√2))/2, PyTorch's default; {@link #GELU_TANH} is PyTorch's
 * {@code approximate='tanh'}. {@link #LEAKY_RELU} uses PyTorch's default negative slope 0.01.
 */
public enum Activation {
    IDENTITY,
    RELU,
    LEAKY_RELU,
    TANH,
    SIGMOID,
    GELU,
    GELU_TANH;

    public static final double LEAKY_SLOPE = 0.01;
    private static final double INV_SQRT2 = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;
    private static final double GELU_C = 0.044715;

    /** True when the derivative needs the pre-activation rather than the output. */
    public boolean derivativeNeedsInput() {
        return this == GELU || this == GELU_TANH;
    }

    public double apply(double x) {
        switch (this) {
            case IDENTITY:
                return x;
            case RELU:
                return x > 0 ? x : 0.0;
            case LEAKY_RELU:
                return x > 0 ? x : LEAKY_SLOPE * x;
            case TANH:
                return Math.tanh(x);
            case SIGMOID:
                return sigmoid(x);
            case GELU:
                return 0.5 * x * (1.0 + Erf.erf(x * INV_SQRT2));
            case GELU_TANH:
                return 0.5 * x * (1.0 + Math.tanh(SQRT_2_OVER_PI * (x + GELU_C * x * x * x)));
            default:
                throw new AssertionError(this);
        }
    }

    /** d act / dx given the input {@code x} and output {@code y} = act(x). */
    public double derivative(double x, double y) {
        switch (this) {
            case IDENTITY:
                return 1.0;
            case RELU:
                return y > 0 ? 1.0 : 0.0;
            case LEAKY_RELU:
                return y > 0 ? 1.0 : LEAKY_SLOPE;
            case TANH:
                return 1.0 - y * y;
            case SIGMOID:
                return y * (1.0 - y);
            case GELU:
                return 0.5 * (1.0 + Erf.erf(x * INV_SQRT2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
            case GELU_TANH: {
                double t = Math.tanh(SQRT_2_OVER_PI * (x + GELU_C * x * x * x));
                return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_C * x * x);
            }
            default:
                throw new AssertionError(this);
        }
    }

    /** Logistic function without overflow for large |x|. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
