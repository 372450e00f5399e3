package org.mlopt.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;

class SparseModelTest {

    @Test
    void csrInferenceMatchesTheDenseForwardPass() {
        for (Activation act : new Activation[] {Activation.RELU, Activation.GELU}) {
            Network net = Network.compile(NetworkSpec.mlp(6, act, 8, 32, 16, 4).withPrecision(Precision.FLOAT64));
            MagnitudePruner.prune(net, MagnitudePruning.of(0.8, Scope.GLOBAL), null);
            SparseModel sparse = SparseModel.of(net);
            int n = 8 * 32 + 32 * 16 + 16 * 4;
            assertEquals(n - Math.rint(0.8 * n), sparse.nonZeroWeights());
            Tensor x = SyntheticData.classification(40, 8, 4, 2, Precision.FLOAT64).features();
            Tensor a = net.predict(x);
            Tensor b = sparse.predict(x);
            for (int k = 0; k < a.size(); k++) {
                assertEquals(a.get(k), b.get(k), 1e-12, act + " output " + k);
            }
        }
    }
}
