package org.mlopt.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;
import org.mlopt.loss.Loss;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;
import org.mlopt.optim.Adam;
import org.mlopt.tensor.MatMuls;
import org.mlopt.train.Dataset;
import org.mlopt.train.DigitsFixture;
import org.mlopt.train.History;
import org.mlopt.train.TrainConfig;
import org.mlopt.train.Trainer;

/**
 * Training throughput against the PyTorch reference (/work/shared/bench/README.md):
 * W4 digits 64-128-64-10 ReLU, Adam 1e-3, batch 32, 50 epochs (torch 1T: 79,365 samples/s) and
 * W5 784-256-256-10 on synthetic 60000×784, Adam, batch 128, 2 epochs (torch 1T: 51,954 samples/s),
 * float32, training loop only, median of repeats after a warm-up. With Debian's python3 + torch
 * present, w4_small_mlp.py runs in the same session and its figure is printed beside ours.
 *
 * <p>Run: {@code mvn -q test-compile} then
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.mlopt.bench.DigitsTrainingHarness [--repeats N] [--no-torch] [--no-w5]}.
 */
public final class DigitsTrainingHarness {

    private static final double TORCH_W4 = 79_365;
    private static final double TORCH_W5 = 51_954;

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int repeats = a.contains("--repeats") ? Integer.parseInt(a.get(a.indexOf("--repeats") + 1)) : 5;
        System.out.printf("kernel=%s, threads=1 (training loop is single-threaded), repeats=%d%n",
                MatMuls.get().name(), repeats);
        double w4 = digits(repeats);
        System.out.printf("W4 digits 64-128-64-10 Adam b32: mlopt %,.0f samples/s, torch (README) %,.0f, ratio %.2f%n",
                w4, TORCH_W4, w4 / TORCH_W4);
        if (!a.contains("--no-w5")) {
            double w5 = large(Math.max(1, Math.min(repeats, 3)));
            System.out.printf("W5 784-256-256-10 Adam b128: mlopt %,.0f samples/s, torch (README) %,.0f, ratio %.2f%n",
                    w5, TORCH_W5, w5 / TORCH_W5);
        }
        if (!a.contains("--no-torch") && Files.isExecutable(Path.of("/usr/bin/python3"))) {
            Double torch = runTorchW4();
            if (torch != null) {
                System.out.printf("W4 same session: mlopt %,.0f samples/s, torch %,.0f samples/s, ratio %.2f%n",
                        w4, torch, w4 / torch);
            }
        }
    }

    static double digits(int repeats) throws Exception {
        DigitsFixture data = DigitsFixture.load(Precision.FLOAT32);
        int n = data.train.size();
        train(data.train, 0, 64, 128, 64, 10, 2, 32);
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            Network net = train(data.train, r, 64, 128, 64, 10, 50, 32);
            double secs = (System.nanoTime() - t0) / 1e9;
            rates[r] = n * 50 / secs;
            double acc = accuracy(net, data.test);
            System.out.printf("  digits seed %d: %.3f s, %,.0f samples/s, test accuracy %.4f%n", r, secs, rates[r], acc);
        }
        return median(rates);
    }

    static double large(int repeats) {
        int n = 60000;
        Dataset data = synthetic();
        Dataset warm = data.select(java.util.stream.IntStream.range(0, 128 * 30).toArray(), Precision.FLOAT32);
        train(warm, 0, 784, 256, 256, 10, 1, 128);
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            train(data, 0, 784, 256, 256, 10, 2, 128);
            double secs = (System.nanoTime() - t0) / 1e9;
            rates[r] = 2.0 * n / secs;
            System.out.printf("  synthetic 60000x784 run %d: %.3f s, %,.0f samples/s%n", r, secs, rates[r]);
        }
        return median(rates);
    }

    /** W5's data: 60000×784 standard normal features, labels = argmax of a random linear teacher. */
    static Dataset synthetic() {
        int n = 60000;
        int d = 784;
        Random rnd = new Random(0);
        Tensor x = Tensor.zeros(Precision.FLOAT32, n, d);
        float[] xa = x.fa();
        for (int i = 0; i < xa.length; i++) {
            xa[i] = (float) rnd.nextGaussian();
        }
        float[] teacher = new float[d * 10];
        for (int i = 0; i < teacher.length; i++) {
            teacher[i] = (float) rnd.nextGaussian();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 10; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += xa[i * d + j] * teacher[j * 10 + c];
                }
                if (s > best) {
                    best = s;
                    y[i] = c;
                }
            }
        }
        return Dataset.classification(x, y);
    }

    static Network train(Dataset data, long seed, int in, int h1, int h2, int out, int epochs, int batch) {
        Network net = Network.compile(NetworkSpec.mlp(seed, Activation.RELU, in, h1, h2, out));
        History h = new Trainer(net, new Loss.CrossEntropy(), Adam.adam(1e-3), TrainConfig.of(epochs, batch, seed)).fit(data);
        if (!Double.isFinite(h.last().loss())) {
            throw new IllegalStateException("training failed");
        }
        return net;
    }

    static double accuracy(Network net, Dataset test) {
        Tensor s = net.predict(test.features());
        int correct = 0;
        for (int r = 0; r < test.size(); r++) {
            int arg = 0;
            for (int c = 1; c < s.cols(); c++) {
                if (s.get(r, c) > s.get(r, arg)) {
                    arg = c;
                }
            }
            correct += arg == test.labels()[r] ? 1 : 0;
        }
        return (double) correct / test.size();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Runs the W4 reference script with one thread; returns torch Adam's median samples/s. */
    private static Double runTorchW4() throws Exception {
        Path script = Path.of("/work/shared/bench/w4_small_mlp.py");
        if (!Files.exists(script)) {
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), "--threads", "1", "--part", "speed"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder outText = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                outText.append(line).append('\n');
            }
        }
        p.waitFor();
        Matcher m = Pattern.compile("\"torch_adam\"\\s*:\\s*\\{.*?\"samples_per_s_median\"\\s*:\\s*([0-9.eE+]+)",
                Pattern.DOTALL).matcher(outText);
        if (!m.find()) {
            System.out.println("torch reference did not report: " + outText.toString().lines().reduce((x, y) -> y).orElse(""));
            return null;
        }
        return Double.parseDouble(m.group(1));
    }
}
