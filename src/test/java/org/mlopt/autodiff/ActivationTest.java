package org.mlopt.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ActivationTest {

    @Test
    void erfMatchesPythonMathErf() {
        // Python 3.11 math.erf (C library erf)
        double[][] cases = {
            {0.1, 0.1124629160182849}, {0.5, 0.5204998778130465}, {1.0, 0.8427007929497149},
            {2.0, 0.9953222650189527}, {2.4999, 0.9995928300996666}, {2.5, 0.999593047982555},
            {3.0, 0.9999779095030014}, {4.5, 0.9999999998033839}, {-1.7, -0.9837904585907745},
        };
        for (double[] c : cases) {
            assertEquals(c[1], Erf.erf(c[0]), 2e-16 * 4, "erf(" + c[0] + ")");
        }
        assertEquals(1.0, Erf.erf(7.0), 0.0);
        assertEquals(0.0, Erf.erf(0.0), 0.0);
    }

    @Test
    void geluMatchesTorch() {
        // torch 1.13 float64, F.gelu(z) and F.gelu(z, approximate='tanh');
        // src/test/resources/reference/nn/torch_reference.py
        double[] z = {0.3, -1.2, 2.5, 0.0, 0.7, -0.4};
        double[] exact = {0.1853734266566858, -0.13808360426604993, 2.4844758366855597, 0.0,
            0.5306254434438489, -0.13783130335587032};
        double[] tanh = {0.18537092354275922, -0.13829723086213508, 2.484915733910001, 0.0,
            0.5305701347051167, -0.13783883057264382};
        for (int i = 0; i < z.length; i++) {
            assertEquals(exact[i], Activation.GELU.apply(z[i]), 1e-15, "gelu(" + z[i] + ")");
            assertEquals(tanh[i], Activation.GELU_TANH.apply(z[i]), 1e-15, "gelu_tanh(" + z[i] + ")");
        }
    }

    @Test
    void sigmoidIsStableForLargeInputs() {
        assertEquals(0.0, Activation.sigmoid(-800), 0.0);
        assertEquals(1.0, Activation.sigmoid(800), 0.0);
        assertEquals(0.5, Activation.sigmoid(0), 0.0);
    }

    @Test
    void leakyReluUsesTorchDefaultSlope() {
        assertEquals(-0.02, Activation.LEAKY_RELU.apply(-2.0), 1e-15);
        assertEquals(3.0, Activation.LEAKY_RELU.apply(3.0), 0.0);
    }
}
