package org.mlopt.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlopt.autodiff.GradCheck;
import org.mlopt.autodiff.Graph;
import org.mlopt.autodiff.LabelBuffer;
import org.mlopt.autodiff.Node;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Program;
import org.mlopt.autodiff.Tensor;
import org.mlopt.loss.Loss;
import org.mlopt.loss.LossHead;

/**
 * The distillation losses on fixed logits: value and gradient against a hand computation, PyTorch
 * and finite differences. PyTorch values: torch 1.13, float64,
 * (1−a)·F.cross_entropy(s, y) + a·T²·F.kl_div(F.log_softmax(s/T, 1), F.softmax(t/T, 1), reduction='batchmean')
 * with s, t, y below, gradient by torch.autograd.grad.
 */
class DistillationLossTest {

    static final double[][] S = {{1.0, -0.5, 2.0}, {0.3, 0.8, -1.2}, {-2.0, 0.0, 0.5}, {1.5, 1.5, -0.7}};
    static final double[][] T = {{2.0, 0.0, 1.0}, {-1.0, 2.5, 0.0}, {0.2, -0.3, 3.0}, {0.0, 1.0, 0.4}};
    static final int[] Y = {2, 1, 0, 1};

    /** Logits as a parameter: x (the 4×4 identity, batch-shaped) times W = the logits. */
    static final class Fixture {
        final Graph g = new Graph(Precision.FLOAT64);
        final Node x = g.input("x", 4);
        final Node w = g.parameter("logits", tensor(S), true);
        final Node logits = g.matmul(x, w);
    }

    static Tensor tensor(double[][] a) {
        Tensor t = Tensor.zeros(Precision.FLOAT64, a.length, a[0].length);
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                t.set(r * a[0].length + c, a[r][c]);
            }
        }
        return t;
    }

    static void fill(Node node, double[][] a) {
        node.value().copyFrom(tensor(a));
    }

    static double[][] eye(int n) {
        double[][] e = new double[n][n];
        for (int i = 0; i < n; i++) {
            e[i][i] = 1;
        }
        return e;
    }

    static void labels(LabelBuffer b, int[] y) {
        System.arraycopy(y, 0, b.array(), 0, y.length);
        b.setSize(y.length);
    }

    static double logSumExp(double[] row, double scale) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            m = Math.max(m, v / scale);
        }
        double s = 0;
        for (double v : row) {
            s += Math.exp(v / scale - m);
        }
        return m + Math.log(s);
    }

    /** (1−α)·mean CE over labelled rows + α·T²·Σ p(log p − log q)/B, written out directly. */
    static double byHand(double alpha, double temp, int[] y) {
        double ce = 0;
        int labelled = 0;
        double kl = 0;
        for (int r = 0; r < S.length; r++) {
            if (y[r] >= 0) {
                ce += logSumExp(S[r], 1.0) - S[r][y[r]];
                labelled++;
            }
            double lt = logSumExp(T[r], temp);
            double ls = logSumExp(S[r], temp);
            for (int c = 0; c < 3; c++) {
                double logP = T[r][c] / temp - lt;
                double logQ = S[r][c] / temp - ls;
                kl += Math.exp(logP) * (logP - logQ);
            }
        }
        return (1 - alpha) * ce / labelled + alpha * temp * temp * kl / S.length;
    }

    private static Program distillation(Fixture f, double alpha, double temp) {
        LossHead head = new Loss.Distillation(alpha, temp).attach(f.g, f.logits);
        Program p = f.g.compile(head.loss(), 4);
        p.setBatch(4);
        fill(f.x, eye(4));
        fill(head.teacher(), T);
        labels(head.labels(), Y);
        return p;
    }

    @Test
    void distillationMatchesHandAndTorch() {
        double[][] torchLoss = {{2.0, 0.5, 0.8511589621559865}, {4.0, 0.9, 0.6606377864403866}};
        double[][] torchGradT2 = {{-0.014805297802882096, -0.0016677724350781867, 0.016473070237960283},
            {0.10447407222962368, -0.10797917557298035, 0.003505103343356618},
            {-0.1270952082550459, 0.10579701387658694, 0.02129819437845898},
            {0.1017858389175167, -0.06511987688528977, -0.036665962032226926}};
        for (double[] row : torchLoss) {
            Fixture f = new Fixture();
            Program p = distillation(f, row[1], row[0]);
            p.forward();
            assertEquals(byHand(row[1], row[0], Y), p.value(), 1e-13);
            assertEquals(row[2], p.value(), 1e-12);
        }
        Fixture f = new Fixture();
        Program p = distillation(f, 0.5, 2.0);
        p.forward();
        p.backward();
        for (int k = 0; k < 12; k++) {
            assertEquals(torchGradT2[k / 3][k % 3], f.w.grad().get(k), 1e-12, "gradient entry " + k);
        }
    }

    @Test
    void distillationGradientMatchesFiniteDifferences() {
        for (double[] cfg : new double[][] {{0.5, 2.0}, {0.9, 4.0}, {0.0, 1.0}, {1.0, 0.5}}) {
            Fixture f = new Fixture();
            GradCheck.check(distillation(f, cfg[0], cfg[1]), List.of(f.w), 1e-6, 1e-7);
        }
    }

    @Test
    void mseToTeacherMatchesTorchAndFiniteDifferences() {
        // torch 1.13 float64: 0.7·F.mse_loss(s, y) + 0.3·F.mse_loss(s, t) = 1.8051666666666666
        double[][] targets = {{0.5, 0.1, -0.2}, {1.0, 0.0, 0.3}, {0.0, 0.0, 0.0}, {-1.0, 2.0, 0.5}};
        Fixture f = new Fixture();
        LossHead head = new Loss.MseToTeacher(0.3).attach(f.g, f.logits);
        Program p = f.g.compile(head.loss(), 4);
        p.setBatch(4);
        fill(f.x, eye(4));
        fill(head.teacher(), T);
        fill(head.targets(), targets);
        p.forward();
        assertEquals(1.8051666666666666, p.value(), 1e-13);
        p.backward();
        assertEquals(0.30666666666666664, f.w.grad().get(2), 1e-13);
        GradCheck.check(p, List.of(f.w), 1e-6, 1e-7);
    }

    private static Program softTarget(Fixture f, double alpha, double temp, int[] y) {
        LabelBuffer labels = f.g.labels("labels");
        Node teacher = f.g.input("teacher", 3);
        Node loss = f.g.apply(new SoftTargetLoss(f.logits, teacher, labels, alpha, temp));
        Program p = f.g.compile(loss, 4);
        p.setBatch(4);
        fill(f.x, eye(4));
        fill(teacher, T);
        labels(labels, y);
        return p;
    }

    @Test
    void softTargetLossEqualsDistillationWhenEveryRowIsLabelled() {
        Fixture a = new Fixture();
        Program pa = softTarget(a, 0.5, 2.0, Y);
        Fixture b = new Fixture();
        Program pb = distillation(b, 0.5, 2.0);
        pa.forward();
        pb.forward();
        assertEquals(pb.value(), pa.value(), 1e-14);
        pa.backward();
        pb.backward();
        for (int k = 0; k < 12; k++) {
            assertEquals(b.w.grad().get(k), a.w.grad().get(k), 1e-14);
        }
    }

    @Test
    void softTargetLossOnAMixedBatchMatchesHandAndTorch() {
        // rows 1 and 3 are transfer rows; torch 1.13: CE over rows 0 and 2, KL batchmean over all 4 rows
        int[] y = {2, SoftTargetLoss.UNLABELLED, 0, SoftTargetLoss.UNLABELLED};
        Fixture f = new Fixture();
        Program p = softTarget(f, 0.5, 2.0, y);
        p.forward();
        assertEquals(byHand(0.5, 2.0, y), p.value(), 1e-13);
        assertEquals(1.1128367933504202, p.value(), 1e-12);
        p.backward();
        assertEquals(0.01690922490149606, f.w.grad().get(0), 1e-12);
        assertEquals(-0.054741299693942175, f.w.grad().get(4), 1e-12);
        assertEquals(-0.2460188552511331, f.w.grad().get(6), 1e-12);
        GradCheck.check(p, List.of(f.w), 1e-6, 1e-7);
    }

    @Test
    void softTargetLossWithoutLabelledRowsIsTheSoftTermAlone() {
        int u = SoftTargetLoss.UNLABELLED;
        Fixture f = new Fixture();
        Program p = softTarget(f, 0.3, 3.0, new int[] {u, u, u, u});
        p.forward();
        assertEquals(0.3 * byHand(1.0, 3.0, Y), p.value(), 1e-13);
        GradCheck.check(p, List.of(f.w), 1e-6, 1e-7);
    }
}
