package org.mlopt.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;
import org.mlopt.distill.DistillConfig;
import org.mlopt.distill.DistillResult;
import org.mlopt.distill.Distiller;
import org.mlopt.loss.Loss;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;
import org.mlopt.optim.Adam;
import org.mlopt.prune.CompressionReport;
import org.mlopt.prune.FineTune;
import org.mlopt.prune.LayerStats;
import org.mlopt.prune.MagnitudePruning;
import org.mlopt.prune.ModelMeasures;
import org.mlopt.prune.NeuronPruning;
import org.mlopt.prune.Norm;
import org.mlopt.prune.PruneSchedule;
import org.mlopt.prune.Pruner;
import org.mlopt.prune.Scope;
import org.mlopt.prune.SparseModel;
import org.mlopt.train.Dataset;
import org.mlopt.train.DigitsFixture;
import org.mlopt.train.TrainConfig;
import org.mlopt.train.Trainer;

/**
 * Reproduces /work/shared/bench/README.md W6 (pruning the W4 digits MLP) and W7 (distilling a
 * 64-256-256-10 teacher into a 64-16-10 student), and runs a semi-supervised distillation
 * experiment: the student has only a few labelled digits, the teacher's soft targets cover the rest
 * of the training split as an unlabelled transfer set.
 *
 * <p>Run: {@code mvn -q test-compile} then
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.mlopt.bench.CompressionHarness [--seeds N] [--labelled N] [--no-w6] [--no-timing] [--no-w7] [--no-w7-table]}.
 */
public final class CompressionHarness {

    private static final double[] SPARSITIES = {0.3, 0.5, 0.8, 0.9};
    private static final double[] STRUCTURED = {0.3, 0.5};

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int seeds = a.contains("--seeds") ? Integer.parseInt(a.get(a.indexOf("--seeds") + 1)) : 5;
        int labelled = a.contains("--labelled") ? Integer.parseInt(a.get(a.indexOf("--labelled") + 1)) : 100;
        DigitsFixture data = DigitsFixture.load(Precision.FLOAT32);
        long t0 = System.nanoTime();
        if (!a.contains("--no-w6")) {
            w6(data, seeds);
        }
        if (!a.contains("--no-timing")) {
            timing(data);
        }
        if (!a.contains("--no-w7")) {
            w7(data, seeds, labelled, !a.contains("--no-w7-table"));
        }
        System.out.printf("%nwall %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static Network trainBase(DigitsFixture data, long seed) {
        Network net = Network.compile(NetworkSpec.mlp(seed, Activation.RELU, 64, 128, 64, 10));
        new Trainer(net, new Loss.CrossEntropy(), Adam.adam(1e-3), TrainConfig.of(50, 32, seed)).fit(data.train);
        return net;
    }

    private static FineTune fineTune() {
        return FineTune.crossEntropy(Adam.adam(1e-3), 5, 32, 1);
    }

    private static void w6(DigitsFixture data, int seeds) {
        List<String> rows = new ArrayList<>();
        for (double s : SPARSITIES) {
            rows.add("layer-wise L1 " + s);
        }
        for (double s : SPARSITIES) {
            rows.add("global L1 " + s);
        }
        for (double s : STRUCTURED) {
            rows.add("neurons L2 " + s);
        }
        rows.add("global L1 0.9 iterative(3)");
        rows.add("global L1 0.9 gradual(10)");
        double[][] noFt = new double[rows.size()][seeds];
        double[][] ft = new double[rows.size()][seeds];
        double[] base = new double[seeds];
        double[] control = new double[seeds];
        CompressionReport[] reports0 = new CompressionReport[rows.size()];
        for (int seed = 0; seed < seeds; seed++) {
            Network dense = trainBase(data, seed);
            base[seed] = ModelMeasures.accuracy(dense, data.test);
            Network ctrl = Pruner.copy(dense);
            new Trainer(ctrl, new Loss.CrossEntropy(), Adam.adam(1e-3), TrainConfig.of(5, 32, 1)).fit(data.train);
            control[seed] = ModelMeasures.accuracy(ctrl, data.test);
            int timing = seed == 0 ? 21 : 0;
            int r = 0;
            for (Scope scope : new Scope[] {Scope.LAYER, Scope.GLOBAL}) {
                for (double s : SPARSITIES) {
                    Pruner.Result res = Pruner.magnitude(dense, MagnitudePruning.of(s, scope),
                            new Pruner.Job(PruneSchedule.oneShot(s), fineTune(), null, data.test, timing), data.train);
                    record(res.report(), r++, seed, noFt, ft, reports0);
                }
            }
            for (double s : STRUCTURED) {
                Pruner.Result res = Pruner.neurons(dense, NeuronPruning.of(s, Norm.L2, Scope.LAYER),
                        new Pruner.Job(PruneSchedule.oneShot(s), fineTune(), null, data.test, timing), data.train);
                record(res.report(), r++, seed, noFt, ft, reports0);
            }
            Pruner.Result it = Pruner.magnitude(dense, MagnitudePruning.of(0.9, Scope.GLOBAL),
                    new Pruner.Job(PruneSchedule.iterative(0.9, 3), fineTune(), null, data.test, timing), data.train);
            record(it.report(), r++, seed, noFt, ft, reports0);
            Pruner.Result gr = Pruner.magnitude(dense, MagnitudePruning.of(0.9, Scope.GLOBAL),
                    new Pruner.Job(PruneSchedule.gradual(0.9, 10, 3, 0.0), fineTune(), null, data.test, timing), data.train);
            record(gr.report(), r++, seed, noFt, ft, reports0);
            System.out.printf("seed %d done (dense %.4f)%n", seed, base[seed]);
        }
        System.out.printf("%n## W6 pruning, digits 64-128-64-10 (dense seed 0 %.4f, mean %s; dense + 5 epochs %s)%n%n",
                base[0], meanSd(base), meanSd(control));
        System.out.println("| method | no fine-tune (seed 0) | 5-epoch fine-tune (seed 0) | FT mean ± sd | params | non-zeros | file bytes | infer ms dense kernel | infer ms CSR kernel |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int r = 0; r < rows.size(); r++) {
            CompressionReport rep = reports0[r];
            System.out.printf("| %s | %.4f | %.4f | %s | %d | %d | %d | %.3f | %.3f |%n", rows.get(r), noFt[r][0], ft[r][0],
                    meanSd(ft[r]), rep.afterFineTuning().parameters(), rep.afterFineTuning().nonZeros(),
                    rep.afterFineTuning().fileBytes(), rep.afterFineTuning().inferenceMillis(),
                    rep.afterFineTuning().sparseInferenceMillis());
        }
        CompressionReport any = reports0[0];
        System.out.printf("| dense | | | | %d | %d | %d | %.3f | %.3f |%n", any.before().parameters(), any.before().nonZeros(),
                any.before().fileBytes(), any.before().inferenceMillis(), any.before().sparseInferenceMillis());
        System.out.println("\n(iterative: 3 phases of 5 fine-tune epochs; gradual: 10 epochs of Zhu-Gupta cubic schedule, "
                + "'no fine-tune' there = the state after the last phase, i.e. the same as after.)");
        System.out.println("\nseed 0, global 0.8, per layer after fine-tuning:");
        for (LayerStats l : reports0[6].afterFineTuning().layers()) {
            System.out.printf("  layer %d %dx%d: %d params, %d non-zero, sparsity %.4f%n", l.layer(), l.inputs(),
                    l.units(), l.parameters(), l.nonZeros(), l.sparsity());
        }
    }

    /**
     * Inference time over the 450 test rows, the variants interleaved round by round so that load
     * from other processes hits them alike; median of the rounds.
     */
    private static void timing(DigitsFixture data) {
        Network dense = trainBase(data, 0);
        Network masked = Pruner.magnitude(dense, MagnitudePruning.of(0.8, Scope.GLOBAL),
                new Pruner.Job(PruneSchedule.oneShot(0.8), fineTune(), null, null, 0), data.train).network();
        Network small = Pruner.neurons(dense, NeuronPruning.of(0.5, Norm.L2, Scope.LAYER),
                new Pruner.Job(PruneSchedule.oneShot(0.5), fineTune(), null, null, 0), data.train).network();
        SparseModel sparseMasked = SparseModel.of(masked);
        SparseModel sparseDense = SparseModel.of(dense);
        Tensor x = data.test.features();
        String[] names = {"dense (EJML)", "global 0.8 masked, dense kernel", "global 0.8, CSR kernel",
            "dense, CSR kernel", "neurons 0.5 (64-64-32-10, EJML)"};
        Runnable[] runs = {() -> dense.predict(x), () -> masked.predict(x), () -> sparseMasked.predict(x),
            () -> sparseDense.predict(x), () -> small.predict(x)};
        int rounds = 61;
        double[][] t = new double[runs.length][rounds];
        for (int w = 0; w < 20; w++) {
            for (Runnable r : runs) {
                r.run();
            }
        }
        for (int i = 0; i < rounds; i++) {
            for (int v = 0; v < runs.length; v++) {
                long s0 = System.nanoTime();
                runs[v].run();
                t[v][i] = (System.nanoTime() - s0) / 1e6;
            }
        }
        System.out.printf("%n## Inference, 450 test rows, median of %d interleaved rounds (float32 nets; CSR kernel float64)%n%n", rounds);
        System.out.println("| model | median ms | accuracy |");
        System.out.println("|---|---|---|");
        double[] acc = {ModelMeasures.accuracy(dense, data.test), ModelMeasures.accuracy(masked, data.test),
            ModelMeasures.accuracy(masked, data.test), ModelMeasures.accuracy(dense, data.test),
            ModelMeasures.accuracy(small, data.test)};
        for (int v = 0; v < runs.length; v++) {
            Arrays.sort(t[v]);
            System.out.printf("| %s | %.3f | %.4f |%n", names[v], t[v][rounds / 2], acc[v]);
        }
    }

    private static void record(CompressionReport rep, int r, int seed, double[][] noFt, double[][] ft, CompressionReport[] reports0) {
        noFt[r][seed] = rep.afterPruning().accuracy();
        ft[r][seed] = rep.afterFineTuning().accuracy();
        if (seed == 0) {
            reports0[r] = rep;
        }
    }

    private static void w7(DigitsFixture data, int seeds, int labelledCount, boolean table) {
        Network teacher = Network.compile(NetworkSpec.mlp(0, Activation.RELU, 64, 256, 256, 10));
        new Trainer(teacher, new Loss.CrossEntropy(), Adam.adam(1e-3), TrainConfig.of(50, 32, 0)).fit(data.train);
        System.out.printf("%n## W7 distillation (teacher 64-256-256-10 test acc %.4f, train acc %.4f)%n%n",
                ModelMeasures.accuracy(teacher, data.test), ModelMeasures.accuracy(teacher, data.train));
        double[][] cfgs = {{2.0, 0.5}, {4.0, 0.9}};
        System.out.println("| student | CE only | KD T=2 a=0.5 | KD T=4 a=0.9 |");
        System.out.println("|---|---|---|---|");
        for (int hidden : table ? new int[] {16, 8} : new int[0]) {
            double[] baseline = new double[seeds];
            double[][] kd = new double[2][seeds];
            for (int seed = 0; seed < seeds; seed++) {
                NetworkSpec spec = NetworkSpec.mlp(seed, Activation.RELU, 64, hidden, 10);
                for (int c = 0; c < 2; c++) {
                    DistillResult r = Distiller.distill(teacher, spec, data.train, null,
                            new DistillConfig(cfgs[c][0], cfgs[c][1], Adam.adam(1e-3), TrainConfig.of(50, 32, seed), c == 0),
                            data.test);
                    kd[c][seed] = r.studentScore();
                    if (c == 0) {
                        baseline[seed] = r.baselineScore();
                    }
                }
            }
            System.out.printf("| 64-%d-10 | %s | %s (paired %+.4f) | %s (paired %+.4f) |%n", hidden, meanSd(baseline),
                    meanSd(kd[0]), mean(diff(kd[0], baseline)), meanSd(kd[1]), mean(diff(kd[1], baseline)));
        }
        semiSupervised(data, teacher, seeds, labelledCount);
    }

    /**
     * The student sees {@code count} labelled training digits (a seeded random subset); the other
     * training rows are an unlabelled transfer set for the teacher's soft targets. Two teachers: the
     * W7 teacher trained on the full labelled split, and one trained on the same few labels only.
     */
    private static void semiSupervised(DigitsFixture data, Network fullTeacher, int seeds, int count) {
        int all = data.train.size();
        // the transfer-set runs take ceil(all/32) steps per epoch, the labelled-only runs ceil(count/32):
        // the "matched steps" runs train the labelled-only models for as many optimizer steps
        int longEpochs = (int) Math.round(50.0 * Math.ceil(all / 32.0) / Math.ceil(count / 32.0));
        System.out.printf("%n## Distillation with %d labelled digits + %d unlabelled transfer rows (student 64-16-10, "
                + "T=4 a=0.9, batch 32; %d seeds)%n%n", count, all - count, seeds);
        System.out.println("| student | accuracy mean ± sd | paired gain vs CE on the labelled rows (50 epochs) |");
        System.out.println("|---|---|---|");
        String[] names = {"CE on " + count + " labels, 50 epochs",
            "CE on " + count + " labels, " + longEpochs + " epochs (as many steps as with the transfer set)",
            "KD, full-data teacher, labelled rows only, 50 epochs",
            "KD, full-data teacher, + transfer set, 50 epochs",
            "KD, teacher trained on the same labels (" + longEpochs + " epochs), + transfer set, 50 epochs"};
        double[][] acc = new double[names.length][seeds];
        double[] fewTeacherAcc = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            int[][] split = labelledSplit(all, count, 1000 + seed);
            Dataset labelled = data.train.select(split[0], Precision.FLOAT32);
            Tensor transfer = data.train.select(split[1], Precision.FLOAT32).features();
            Network fewTeacher = Network.compile(NetworkSpec.mlp(seed, Activation.RELU, 64, 256, 256, 10));
            new Trainer(fewTeacher, new Loss.CrossEntropy(), Adam.adam(1e-3), TrainConfig.of(longEpochs, 32, seed)).fit(labelled);
            fewTeacherAcc[seed] = ModelMeasures.accuracy(fewTeacher, data.test);
            NetworkSpec spec = NetworkSpec.mlp(seed, Activation.RELU, 64, 16, 10);
            TrainConfig tc = TrainConfig.of(50, 32, seed);
            DistillResult full = Distiller.distill(fullTeacher, spec, labelled, transfer,
                    new DistillConfig(4.0, 0.9, Adam.adam(1e-3), tc, true), data.test);
            acc[0][seed] = full.baselineScore();
            Network longBaseline = Network.compile(spec);
            new Trainer(longBaseline, new Loss.CrossEntropy(), Adam.adam(1e-3), TrainConfig.of(longEpochs, 32, seed)).fit(labelled);
            acc[1][seed] = ModelMeasures.accuracy(longBaseline, data.test);
            acc[2][seed] = Distiller.distill(fullTeacher, spec, labelled, null,
                    new DistillConfig(4.0, 0.9, Adam.adam(1e-3), tc, false), data.test).studentScore();
            acc[3][seed] = full.studentScore();
            acc[4][seed] = Distiller.distill(fewTeacher, spec, labelled, transfer,
                    new DistillConfig(4.0, 0.9, Adam.adam(1e-3), tc, false), data.test).studentScore();
        }
        for (int v = 0; v < names.length; v++) {
            System.out.printf("| %s | %s | %s |%n", names[v], meanSd(acc[v]),
                    v == 0 ? "" : String.format("%+.4f", mean(diff(acc[v], acc[0]))));
        }
        System.out.printf("%nteacher trained on the %d labels: test accuracy %s; the full-data teacher saw the labels "
                + "of the transfer rows too (it stands for a model trained elsewhere).%n", count, meanSd(fewTeacherAcc));
    }

    /** A seeded random subset of {@code count} rows and the remaining rows, each ascending. */
    private static int[][] labelledSplit(int n, int count, long seed) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] a = Arrays.copyOfRange(perm, 0, count);
        int[] b = Arrays.copyOfRange(perm, count, n);
        Arrays.sort(a);
        Arrays.sort(b);
        return new int[][] {a, b};
    }

    private static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Mean ± sample sd (ddof 1), as the bench reports. */
    private static String meanSd(double[] v) {
        double m = mean(v);
        if (v.length < 2) {
            return String.format("%.4f", m);
        }
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return String.format("%.4f ± %.4f", m, Math.sqrt(s / (v.length - 1)));
    }
}
