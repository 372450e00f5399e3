package org.mlopt.prune;

import java.util.Arrays;
import org.mlopt.autodiff.Tensor;
import org.mlopt.nn.Network;
import org.mlopt.train.Dataset;

/** Accuracy, inference time and the {@link ModelSnapshot} of a network. */
public final class ModelMeasures {

    private ModelMeasures() {}

    /** Share of rows whose first maximal output is the label (NaN for data without labels). */
    public static double accuracy(Network network, Dataset data) {
        if (data == null || data.labels() == null) {
            return Double.NaN;
        }
        Tensor scores = network.predict(data.features().precision() == network.spec().precision()
                ? data.features() : data.in(network.spec().precision()).features());
        int k = scores.cols();
        int[] y = data.labels();
        long correct = 0;
        for (int r = 0; r < y.length; r++) {
            int arg = 0;
            for (int c = 1; c < k; c++) {
                if (scores.get(r * k + c) > scores.get(r * k + arg)) {
                    arg = c;
                }
            }
            if (arg == y[r]) {
                correct++;
            }
        }
        return (double) correct / y.length;
    }

    /**
     * Median wall time in milliseconds of {@code repeats} predictions over all rows of {@code x},
     * after {@code repeats} warm-up runs.
     */
    public static double medianInferenceMillis(Network network, Tensor x, int repeats) {
        Tensor out = Tensor.zeros(network.spec().precision(), x.rows(), network.spec().outputs());
        int chunk = Math.max(1, Math.min(x.rows(), 256));
        return medianMillis(() -> network.predict(x, out, chunk), repeats);
    }

    /** The same for the CSR kernel. */
    public static double medianInferenceMillis(SparseModel model, Tensor x, int repeats) {
        return medianMillis(() -> model.predict(x), repeats);
    }

    private static double medianMillis(Runnable run, int repeats) {
        for (int i = 0; i < repeats; i++) {
            run.run();
        }
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long s = System.nanoTime();
            run.run();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        return repeats % 2 == 1 ? t[repeats / 2] : 0.5 * (t[repeats / 2 - 1] + t[repeats / 2]);
    }

    /**
     * Sizes, file bytes and, when {@code eval} is given, accuracy and (for {@code timingRepeats} &gt; 0)
     * dense- and CSR-kernel inference times over eval's features.
     */
    public static ModelSnapshot snapshot(Network network, PruningMasks masks, Dataset eval, int timingRepeats) {
        var layers = LayerStats.of(network);
        long params = 0;
        long nz = 0;
        for (LayerStats l : layers) {
            params += l.parameters();
            nz += l.nonZeros();
        }
        double ms = Double.NaN;
        double csrMs = Double.NaN;
        double acc = Double.NaN;
        if (eval != null) {
            Dataset e = eval.in(network.spec().precision());
            if (timingRepeats > 0) {
                ms = medianInferenceMillis(network, e.features(), timingRepeats);
                csrMs = medianInferenceMillis(SparseModel.of(network), e.features(), timingRepeats);
            }
            acc = accuracy(network, e);
        }
        return new ModelSnapshot(layers, params, nz, ModelFile.size(network, masks), ms, csrMs, acc);
    }
}
