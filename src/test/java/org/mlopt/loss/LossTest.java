package org.mlopt.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlopt.autodiff.GradCheck;
import org.mlopt.autodiff.Graph;
import org.mlopt.autodiff.Node;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Program;
import org.mlopt.autodiff.Tensor;
import org.mlopt.optim.Regularizer;

/**
 * Loss values against PyTorch and by hand, and their gradients against finite differences.
 * The prediction is I·W with W a parameter, so W holds the logits and d loss/dW is the loss's VJP.
 */
class LossTest {

    // Fixed logits of src/test/resources/reference/nn/torch_reference.py
    private static final double[][] S = {{1.0, 2.0, 0.5}, {-0.3, 0.8, 0.1}};
    private static final double[][] T = {{0.5, 1.5, 3.0}, {2.0, -1.0, 0.0}};
    private static final int[] Y = {1, 0};
    private static final double[][] Z = {{0.3, -1.2, 2.5}, {0.0, 0.7, -0.4}};
    private static final double[][] U = {{1.0, 0.0, 1.0}, {0.0, 1.0, 0.0}};

    /** A graph whose prediction equals the parameter W (rows × cols), with the loss attached. */
    private static final class Setup {
        final Node w;
        final LossHead head;
        final Program program;

        Setup(Loss loss, double[][] prediction, double[][] targetsOrTeacher, int[] labels) {
            this(loss, prediction, targetsOrTeacher, labels, targetsOrTeacher);
        }

        Setup(Loss loss, double[][] prediction, double[][] targetsOrTeacher, int[] labels, double[][] teacher) {
            int rows = prediction.length;
            int cols = prediction[0].length;
            Graph g = new Graph(Precision.FLOAT64);
            Node x = g.input("x", rows);
            w = g.parameter("w", matrix(prediction), false);
            head = loss.attach(g, g.matmul(x, w));
            program = g.compile(head.loss(), rows);
            for (int i = 0; i < rows; i++) {
                x.value().set(i * rows + i, 1.0);
            }
            if (head.labels() != null) {
                System.arraycopy(labels, 0, head.labels().array(), 0, rows);
                head.labels().setSize(rows);
            }
            if (head.targets() != null) {
                head.targets().value().copyFrom(matrix(targetsOrTeacher));
            }
            if (head.teacher() != null) {
                head.teacher().value().copyFrom(matrix(teacher));
            }
        }

        double value() {
            program.forward();
            return program.value();
        }

        void gradCheck() {
            GradCheck.check(program, List.of(w));
        }
    }

    static Tensor matrix(double[][] a) {
        Tensor t = Tensor.zeros(Precision.FLOAT64, a.length, a[0].length);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t.set(i * a[0].length + j, a[i][j]);
            }
        }
        return t;
    }

    // torch 1.13, float64: F.mse_loss, F.l1_loss, F.huber_loss(delta=0.5), F.binary_cross_entropy_with_logits,
    // F.cross_entropy (label_smoothing 0 and 0.1), and (1-a)·CE + a·T²·kl_div(batchmean) with T=2, a=0.5.
    @Test
    void regressionLossesMatchTorch() {
        assertEquals(0.7383333333333333, new Setup(new Loss.MeanSquaredError(), Z, U, null).value(), 1e-15);
        assertEquals(0.6833333333333332, new Setup(new Loss.MeanAbsoluteError(), Z, U, null).value(), 1e-15);
        assertEquals(0.24166666666666667, new Setup(new Loss.Huber(0.5), Z, U, null).value(), 1e-15);
        assertEquals(0.4176459879907439, new Setup(new Loss.BinaryCrossEntropyWithLogits(), Z, U, null).value(), 1e-15);
    }

    @Test
    void crossEntropyMatchesTorch() {
        assertEquals(1.084193825407362, new Setup(new Loss.CrossEntropy(), S, null, Y).value(), 1e-15);
        assertEquals(1.1008604920740286, new Setup(new Loss.CrossEntropy(0.1), S, null, Y).value(), 1e-15);
    }

    @Test
    void distillationMatchesTorch() {
        assertEquals(1.1576368926157925, new Setup(new Loss.Distillation(0.5, 2.0), S, T, Y).value(), 1e-14);
    }

    @Test
    void distillationMatchesAHandComputation() {
        double alpha = 0.3;
        double temp = 3.0;
        double expected = 0;
        for (int r = 0; r < 2; r++) {
            double[] q = softmax(S[r], 1.0);
            double ce = -Math.log(q[Y[r]]);
            double[] ps = softmax(T[r], temp);
            double[] qs = softmax(S[r], temp);
            double kl = 0;
            for (int c = 0; c < 3; c++) {
                kl += ps[c] * Math.log(ps[c] / qs[c]);
            }
            expected += ((1 - alpha) * ce + alpha * temp * temp * kl) / 2;
        }
        assertEquals(expected, new Setup(new Loss.Distillation(alpha, temp), S, T, Y).value(), 1e-14);
    }

    @Test
    void labelSmoothingMatchesAHandComputation() {
        double eps = 0.25;
        double expected = 0;
        for (int r = 0; r < 2; r++) {
            double[] q = softmax(S[r], 1.0);
            for (int c = 0; c < 3; c++) {
                double target = eps / 3 + (c == Y[r] ? 1 - eps : 0);
                expected -= target * Math.log(q[c]) / 2;
            }
        }
        assertEquals(expected, new Setup(new Loss.CrossEntropy(eps), S, null, Y).value(), 1e-14);
    }

    @Test
    void mseToTeacherMixesTargetsAndTeacher() {
        // teacher outputs are U, targets are T: (1-a)·mean((Z-T)²) + a·mean((Z-U)²)
        double a = 0.4;
        double toT = 0;
        double toU = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                toT += Math.pow(Z[i][j] - T[i][j], 2) / 6;
                toU += Math.pow(Z[i][j] - U[i][j], 2) / 6;
            }
        }
        assertEquals((1 - a) * toT + a * toU, new Setup(new Loss.MseToTeacher(a), Z, T, null, U).value(), 1e-14);
    }

    private static double[] softmax(double[] x, double temp) {
        double sum = 0;
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = Math.exp(x[i] / temp);
            sum += e[i];
        }
        for (int i = 0; i < x.length; i++) {
            e[i] /= sum;
        }
        return e;
    }

    @Test
    void gradientsOfEveryLoss() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] p = toArray(GradCheck.random(r, 4, 5, -2, 2, 0.05));
        double[][] t = toArray(GradCheck.random(r, 4, 5, -2, 2, 0.05));
        double[][] prob = toArray(GradCheck.random(r, 4, 5, 0, 1, 0));
        int[] y = {4, 0, 2, 2};
        new Setup(new Loss.MeanSquaredError(), p, t, null).gradCheck();
        new Setup(new Loss.MeanAbsoluteError(), p, t, null).gradCheck();
        new Setup(new Loss.Huber(1.0), p, t, null).gradCheck();
        new Setup(new Loss.BinaryCrossEntropyWithLogits(), p, prob, null).gradCheck();
        new Setup(new Loss.CrossEntropy(), p, null, y).gradCheck();
        new Setup(new Loss.CrossEntropy(0.2), p, null, y).gradCheck();
        new Setup(new Loss.Distillation(0.5, 2.0), p, t, y).gradCheck();
        new Setup(new Loss.Distillation(0.9, 4.0), p, t, y).gradCheck();
        new Setup(new Loss.MseToTeacher(0.3), p, t, null, prob).gradCheck();
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        double v = new Setup(new Loss.CrossEntropy(), new double[][] {{1000.0, 0.0, -1000.0}}, null, new int[] {1}).value();
        assertEquals(1000.0, v, 1e-9);
    }

    @Test
    void gradientsOfEveryRegularizer() {
        SplittableRandom r = new SplittableRandom(5);
        for (Regularizer reg : List.of(new Regularizer.L1(0.3), new Regularizer.L2(0.7),
                new Regularizer.ElasticNet(0.5, 0.25))) {
            Graph g = new Graph(Precision.FLOAT64);
            Node w1 = g.parameter("w1", GradCheck.random(r, 3, 4, -1, 1, 0.01), true);
            Node w2 = g.parameter("w2", GradCheck.random(r, 2, 2, -1, 1, 0.01), true);
            Program p = g.compile(reg.attach(g, List.of(w1, w2)), 1);
            GradCheck.check(p, List.of(w1, w2));
        }
    }

    @Test
    void regularizerValues() {
        Graph g = new Graph(Precision.FLOAT64);
        Node w = g.parameter("w", matrix(new double[][] {{1.0, -2.0}, {0.5, 0.0}}), true);
        assertEquals(0.1 * 3.5, run(g, new Regularizer.L1(0.1).attach(g, List.of(w))), 1e-15);
        assertEquals(0.1 * 5.25, run(g, new Regularizer.L2(0.1).attach(g, List.of(w))), 1e-15);
        assertEquals(0.1 * (0.5 * 3.5 + 0.5 * 5.25), run(g, new Regularizer.ElasticNet(0.1, 0.5).attach(g, List.of(w))), 1e-15);
    }

    private static double run(Graph g, Node n) {
        Program p = g.compile(n, 1);
        p.forward();
        return p.value();
    }

    private static double[][] toArray(Tensor t) {
        double[][] a = new double[t.rows()][t.cols()];
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                a[i][j] = t.get(i, j);
            }
        }
        return a;
    }

    @Test
    void invalidHyperparametersAreRejected() {
        assertEquals("label_smoothing must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new Loss.CrossEntropy(1.5)).getMessage());
        assertEquals("huber delta must be positive, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new Loss.Huber(0)).getMessage());
        assertEquals("temperature must be positive, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Loss.Distillation(0.5, -1)).getMessage());
    }
}
