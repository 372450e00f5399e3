package org.mlopt.prune;

import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Tensor;
import org.mlopt.nn.Network;

/**
 * An inference-only copy of a network whose weight matrices are stored in CSR (rows = inputs), so
 * the work per sample is proportional to the non-zero weights and skips zero activations (ReLU
 * outputs): what makes unstructured sparsity pay off at inference time, which a dense matrix
 * product cannot. Dropout is off (evaluation mode); arithmetic is float64.
 */
public final class SparseModel {

    private final int inputs;
    private final int[] units;
    private final int[][] rowPtr;
    private final int[][] col;
    private final double[][] val;
    private final double[][] bias;
    private final Activation[] activation;

    private SparseModel(int inputs, int[] units, int[][] rowPtr, int[][] col, double[][] val, double[][] bias,
            Activation[] activation) {
        this.inputs = inputs;
        this.units = units;
        this.rowPtr = rowPtr;
        this.col = col;
        this.val = val;
        this.bias = bias;
        this.activation = activation;
    }

    /** The non-zero weights of {@code network} in CSR form. */
    public static SparseModel of(Network network) {
        int layers = network.weights().size();
        int[] units = new int[layers];
        int[][] rowPtr = new int[layers][];
        int[][] col = new int[layers][];
        double[][] val = new double[layers][];
        double[][] bias = new double[layers][];
        Activation[] act = new Activation[layers];
        for (int l = 0; l < layers; l++) {
            Tensor w = network.weights().get(l).value();
            int rows = w.rows();
            int cols = w.cols();
            int nnz = 0;
            for (int k = 0; k < w.size(); k++) {
                if (w.get(k) != 0.0) {
                    nnz++;
                }
            }
            rowPtr[l] = new int[rows + 1];
            col[l] = new int[nnz];
            val[l] = new double[nnz];
            int e = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double v = w.get(r * cols + c);
                    if (v != 0.0) {
                        col[l][e] = c;
                        val[l][e++] = v;
                    }
                }
                rowPtr[l][r + 1] = e;
            }
            Tensor b = network.biases().get(l).value();
            bias[l] = new double[b.size()];
            for (int j = 0; j < b.size(); j++) {
                bias[l][j] = b.get(j);
            }
            units[l] = cols;
            act[l] = network.spec().layers().get(l).activation();
        }
        return new SparseModel(network.spec().inputs(), units, rowPtr, col, val, bias, act);
    }

    /** Stored non-zero weights. */
    public long nonZeroWeights() {
        long n = 0;
        for (double[] v : val) {
            n += v.length;
        }
        return n;
    }

    /** Outputs for every row of {@code x} (n × inputs), one sample at a time. */
    public Tensor predict(Tensor x) {
        if (x.cols() != inputs) {
            throw new IllegalArgumentException("the model expects " + inputs + " features, got " + x.cols());
        }
        int widest = inputs;
        for (int u : units) {
            widest = Math.max(widest, u);
        }
        double[] a = new double[widest];
        double[] b = new double[widest];
        int outs = units[units.length - 1];
        Tensor out = Tensor.zeros(x.precision(), x.rows(), outs);
        for (int r = 0; r < x.rows(); r++) {
            for (int i = 0; i < inputs; i++) {
                a[i] = x.get(r * inputs + i);
            }
            int width = inputs;
            for (int l = 0; l < units.length; l++) {
                int[] ptr = rowPtr[l];
                int[] cl = col[l];
                double[] v = val[l];
                System.arraycopy(bias[l], 0, b, 0, units[l]);
                for (int i = 0; i < width; i++) {
                    double xi = a[i];
                    if (xi == 0.0) {
                        continue;
                    }
                    for (int e = ptr[i]; e < ptr[i + 1]; e++) {
                        b[cl[e]] += xi * v[e];
                    }
                }
                Activation f = activation[l];
                for (int j = 0; j < units[l]; j++) {
                    a[j] = f == Activation.IDENTITY ? b[j] : f.apply(b[j]);
                }
                width = units[l];
            }
            for (int j = 0; j < outs; j++) {
                out.set(r * outs + j, a[j]);
            }
        }
        return out;
    }
}
