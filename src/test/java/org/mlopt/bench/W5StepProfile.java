package org.mlopt.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.FMatrixRMaj;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Graph;
import org.mlopt.autodiff.LabelBuffer;
import org.mlopt.autodiff.Node;
import org.mlopt.autodiff.Ops;
import org.mlopt.autodiff.Program;
import org.mlopt.autodiff.Tensor;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;
import org.mlopt.optim.Adam;
import org.mlopt.optim.OptimizerState;
import org.mlopt.tensor.MatMul;
import org.mlopt.tensor.MatMuls;

/**
 * Where one W5 training step (784-256-256-10, ReLU, cross-entropy, Adam, batch 128, float32) spends
 * its time: forward, backward and the optimizer timed separately over many steps, on 1 and 2
 * threads, next to the products alone. Usage: {@code W5StepProfile [steps]}.
 */
public final class W5StepProfile {

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        System.out.println(MatMuls.describe());
        for (int round = 0; round < 3; round++) {
            for (int threads : new int[] {1, 2}) {
                MatMuls.setThreads(threads);
                profile(threads, steps);
            }
        }
        MatMuls.setThreads(1);
    }

    private static void profile(int threads, int steps) {
        int batch = 128;
        Network net = Network.compile(NetworkSpec.mlp(0, Activation.RELU, 784, 256, 256, 10));
        Graph g = net.graph();
        LabelBuffer labels = g.labels("y");
        Node loss = g.apply(new Ops.CrossEntropy(net.output(), labels, 0.0));
        Program program = g.compile(loss, batch);
        g.setTraining(true);
        SplittableRandom rnd = new SplittableRandom(1);
        float[] x = net.input().value().fa();
        for (int i = 0; i < batch * 784; i++) x[i] = (float) rnd.nextGaussian();
        int[] y = labels.array();
        for (int i = 0; i < batch; i++) y[i] = rnd.nextInt(10);
        labels.setSize(batch);
        java.util.List<Tensor> params = new java.util.ArrayList<>();
        java.util.List<Tensor> grads = new java.util.ArrayList<>();
        for (Node p : net.parameters()) {
            params.add(p.value());
            grads.add(p.grad());
        }
        Adam adam = Adam.adam(1e-4);
        OptimizerState state = adam.init(params);
        long fwd = 0, bwd = 0, opt = 0;
        for (int s = 0; s < steps * 2; s++) {
            if (s == steps) fwd = bwd = opt = 0;
            long t0 = System.nanoTime();
            program.forward();
            long t1 = System.nanoTime();
            program.backward();
            long t2 = System.nanoTime();
            adam.update(grads, state, params);
            long t3 = System.nanoTime();
            fwd += t1 - t0;
            bwd += t2 - t1;
            opt += t3 - t2;
        }
        double mm = products(steps);
        if (System.getProperty("ops") != null) opTimes(program, steps);
        System.out.printf(Locale.ROOT, "threads %d: forward %.0f us, backward %.0f us, adam %.0f us, step %.0f us"
                        + " (%,.0f samples/s); the 8 products alone %.0f us%n",
                threads, fwd / 1e3 / steps, bwd / 1e3 / steps, opt / 1e3 / steps, (fwd + bwd + opt) / 1e3 / steps,
                batch * 1e9 * steps / (fwd + bwd + opt), mm);
    }

    /** Per-op forward and backward times, through reflection (measurement only). */
    private static void opTimes(Program program, int steps) {
        try {
            java.lang.reflect.Field f = Program.class.getDeclaredField("ops");
            f.setAccessible(true);
            org.mlopt.autodiff.Op[] ops = (org.mlopt.autodiff.Op[]) f.get(program);
            java.lang.reflect.Method fw = org.mlopt.autodiff.Op.class.getDeclaredMethod("forward");
            java.lang.reflect.Method bw = org.mlopt.autodiff.Op.class.getDeclaredMethod("backward");
            fw.setAccessible(true);
            bw.setAccessible(true);
            program.forward();
            program.backward();
            for (org.mlopt.autodiff.Op op : ops) {
                long tf = 0, tb = 0;
                for (int s = 0; s < steps; s++) {
                    long t0 = System.nanoTime();
                    fw.invoke(op);
                    long t1 = System.nanoTime();
                    bw.invoke(op);
                    tb += System.nanoTime() - t1;
                    tf += t1 - t0;
                }
                System.out.printf(Locale.ROOT, "    %-14s %-10s fwd %6.1f us  bwd %6.1f us%n", op.name(), op.output().value().rows() + "x" + op.output().value().cols(),
                        tf / 1e3 / steps, tb / 1e3 / steps);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The eight products of one step, timed on their own; microseconds per step. */
    private static double products(int steps) {
        MatMul mm = MatMuls.get();
        SplittableRandom rnd = new SplittableRandom(2);
        FMatrixRMaj x = fill(rnd, 128, 784), w0 = fill(rnd, 784, 256), h0 = fill(rnd, 128, 256);
        FMatrixRMaj w1 = fill(rnd, 256, 256), h1 = fill(rnd, 128, 256), w2 = fill(rnd, 256, 10), o = fill(rnd, 128, 10);
        FMatrixRMaj dw0 = new FMatrixRMaj(784, 256), dw1 = new FMatrixRMaj(256, 256), dw2 = new FMatrixRMaj(256, 10);
        FMatrixRMaj dh0 = new FMatrixRMaj(128, 256), dh1 = new FMatrixRMaj(128, 256);
        FMatrixRMaj y0 = new FMatrixRMaj(128, 256), y1 = new FMatrixRMaj(128, 256), y2 = new FMatrixRMaj(128, 10);
        long total = 0;
        for (int s = 0; s < steps * 2; s++) {
            if (s == steps) total = 0;
            long t0 = System.nanoTime();
            mm.mult(x, w0, y0);
            mm.mult(h0, w1, y1);
            mm.mult(h1, w2, y2);
            mm.multTransA(h1, o, dw2);
            mm.multTransB(o, w2, dh1);
            mm.multTransA(h0, h1, dw1);
            mm.multTransB(h1, w1, dh0);
            mm.multTransA(x, h0, dw0);
            total += System.nanoTime() - t0;
        }
        return total / 1e3 / steps;
    }

    private static FMatrixRMaj fill(SplittableRandom rnd, int r, int c) {
        FMatrixRMaj m = new FMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) m.data[i] = (float) rnd.nextGaussian();
        return m;
    }
}
