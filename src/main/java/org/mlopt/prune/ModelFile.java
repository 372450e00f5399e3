package org.mlopt.prune;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlopt.autodiff.Activation;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;
import org.mlopt.nn.DenseLayerSpec;
import org.mlopt.nn.Initializer;
import org.mlopt.nn.Network;
import org.mlopt.nn.NetworkSpec;

/**
 * A compact binary file for a (possibly pruned) network: the spec, every parameter tensor with
 * its exact bits, and the pruning masks. Big-endian throughout:
 *
 * <pre>
 * magic "MLPM", version u8 (1)
 * precision u8 (0 float32, 1 float64), initializer u8 (Initializer ordinal), seed i64, inputs i32, layers i32
 * per layer: units i32, activation u8 (Activation ordinal), dropout f64
 * per tensor (layer 0 weight, layer 0 bias, layer 1 weight, ...), weights row-major inputs × units:
 *   encoding u8, then
 *   0 DENSE        values[rows·cols]                                    (no mask)
 *   1 DENSE_MASKED values[rows·cols], mask bitmap ⌈rows·cols/8⌉ bytes, bit k (LSB first) = entry k kept
 *   2 CSR_MASKED   count i32, rowPtr[rows+1] i32, col[count], values[count]: the kept entries
 *                  (every other entry is +0.0 and pruned)
 *   3 CSR          count i32, rowPtr[rows+1] i32, col[count], values[count]: the entries whose bits are not
 *                  +0.0 (no mask)
 * values are IEEE bits of the precision (4 or 8 bytes); col is u16 when cols ≤ 65536, else i32.
 * </pre>
 *
 * Each tensor takes the smallest encoding that reproduces it, so a dense layer stays dense and a
 * sparse one is stored in CSR; loading gives bit-identical weights and the same masks.
 */
public final class ModelFile {

    private static final byte[] MAGIC = {'M', 'L', 'P', 'M'};
    private static final int VERSION = 1;
    private static final int DENSE = 0;
    private static final int DENSE_MASKED = 1;
    private static final int CSR_MASKED = 2;
    private static final int CSR = 3;

    private ModelFile() {}

    /** A network read back, with its masks ({@link PruningMasks#none} when none were saved). */
    public record Loaded(Network network, PruningMasks masks) {}

    public static void write(Network network, PruningMasks masks, Path file) throws IOException {
        Files.write(file, toBytes(network, masks));
    }

    public static Loaded read(Path file) throws IOException {
        try {
            return fromBytes(Files.readAllBytes(file));
        } catch (EOFException e) {
            throw new IOException(file + " is truncated: not a complete mlopt model file", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The file's bytes for {@code network} (masks may be null). */
    public static byte[] toBytes(Network network, PruningMasks masks) {
        NetworkSpec spec = network.spec();
        int layers = spec.layers().size();
        PruningMasks m = masks == null ? PruningMasks.none(layers) : masks;
        m.check(network);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.writeByte(spec.precision() == Precision.FLOAT32 ? 0 : 1);
            out.writeByte(spec.initializer().ordinal());
            out.writeLong(spec.seed());
            out.writeInt(spec.inputs());
            out.writeInt(layers);
            for (DenseLayerSpec l : spec.layers()) {
                out.writeInt(l.units());
                out.writeByte(l.activation().ordinal());
                out.writeDouble(l.dropout());
            }
            for (int p = 0; p < 2 * layers; p++) {
                writeTensor(out, network.parameters().get(p).value(), m.parameterMaskView(p));
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** Bytes of the file {@link #toBytes} would write. */
    public static long size(Network network, PruningMasks masks) {
        return toBytes(network, masks).length;
    }

    public static Loaded fromBytes(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        byte[] magic = new byte[4];
        in.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("not an mlopt model file (bad magic number)");
        }
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IOException("model file version " + version + " is not supported (expected " + VERSION + ")");
        }
        Precision precision = in.readUnsignedByte() == 0 ? Precision.FLOAT32 : Precision.FLOAT64;
        Initializer init = Initializer.values()[checkedOrdinal(in.readUnsignedByte(), Initializer.values().length, "initializer")];
        long seed = in.readLong();
        int inputs = in.readInt();
        int layers = in.readInt();
        if (layers < 1 || layers > 1_000_000) {
            throw new IOException("corrupt layer count " + layers);
        }
        List<DenseLayerSpec> ls = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            int units = in.readInt();
            Activation act = Activation.values()[checkedOrdinal(in.readUnsignedByte(), Activation.values().length, "activation")];
            ls.add(new DenseLayerSpec(units, act, in.readDouble()));
        }
        Network net = Network.compile(new NetworkSpec(inputs, ls, init, precision, seed));
        boolean[][] w = new boolean[layers][];
        boolean[][] b = new boolean[layers][];
        for (int p = 0; p < 2 * layers; p++) {
            boolean[] mask = readTensor(in, net.parameters().get(p).value());
            if (p % 2 == 0) {
                w[p / 2] = mask;
            } else {
                b[p / 2] = mask;
            }
        }
        if (in.read() != -1) {
            throw new IOException("trailing bytes after the last tensor");
        }
        return new Loaded(net, new PruningMasks(w, b));
    }

    private static int checkedOrdinal(int v, int n, String what) throws IOException {
        if (v >= n) {
            throw new IOException("unknown " + what + " code " + v);
        }
        return v;
    }

    private static void writeTensor(DataOutputStream out, Tensor t, boolean[] mask) throws IOException {
        int n = t.size();
        int vb = t.isFloat() ? 4 : 8;
        int ib = t.cols() <= 65536 ? 2 : 4;
        long csrHeader = 4 + 4L * (t.rows() + 1);
        int stored = 0;
        boolean prunedAreZero = true;
        for (int k = 0; k < n; k++) {
            boolean keep = mask == null ? !isPositiveZero(t, k) : mask[k];
            if (keep) {
                stored++;
            } else if (!isPositiveZero(t, k)) {
                prunedAreZero = false;
            }
        }
        long dense = (long) n * vb + (mask == null ? 0 : (n + 7) / 8);
        long csr = csrHeader + (long) stored * (ib + vb);
        if (prunedAreZero && csr < dense) {
            out.writeByte(mask == null ? CSR : CSR_MASKED);
            out.writeInt(stored);
            int cols = t.cols();
            int count = 0;
            out.writeInt(0);
            boolean[] keep = new boolean[n];
            for (int r = 0; r < t.rows(); r++) {
                for (int c = 0; c < cols; c++) {
                    int k = r * cols + c;
                    keep[k] = mask == null ? !isPositiveZero(t, k) : mask[k];
                    if (keep[k]) {
                        count++;
                    }
                }
                out.writeInt(count);
            }
            for (int k = 0; k < n; k++) {
                if (keep[k]) {
                    if (ib == 2) {
                        out.writeShort(k % cols);
                    } else {
                        out.writeInt(k % cols);
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                if (keep[k]) {
                    writeValue(out, t, k);
                }
            }
            return;
        }
        out.writeByte(mask == null ? DENSE : DENSE_MASKED);
        for (int k = 0; k < n; k++) {
            writeValue(out, t, k);
        }
        if (mask != null) {
            for (int start = 0; start < n; start += 8) {
                int bits = 0;
                for (int j = 0; j < 8 && start + j < n; j++) {
                    if (mask[start + j]) {
                        bits |= 1 << j;
                    }
                }
                out.writeByte(bits);
            }
        }
    }

    private static boolean[] readTensor(DataInputStream in, Tensor t) throws IOException {
        int encoding = in.readUnsignedByte();
        int n = t.size();
        switch (encoding) {
            case DENSE:
            case DENSE_MASKED: {
                for (int k = 0; k < n; k++) {
                    readValue(in, t, k);
                }
                if (encoding == DENSE) {
                    return null;
                }
                boolean[] mask = new boolean[n];
                for (int start = 0; start < n; start += 8) {
                    int bits = in.readUnsignedByte();
                    for (int j = 0; j < 8 && start + j < n; j++) {
                        mask[start + j] = (bits & (1 << j)) != 0;
                    }
                }
                return mask;
            }
            case CSR:
            case CSR_MASKED: {
                int count = in.readInt();
                int rows = t.rows();
                int cols = t.cols();
                if (count < 0 || count > n) {
                    throw new IOException("corrupt sparse tensor: " + count + " entries for " + n);
                }
                int[] rowPtr = new int[rows + 1];
                for (int r = 0; r <= rows; r++) {
                    rowPtr[r] = in.readInt();
                    if (rowPtr[r] < 0 || rowPtr[r] > count || (r > 0 && rowPtr[r] < rowPtr[r - 1])) {
                        throw new IOException("corrupt sparse tensor row pointer " + rowPtr[r]);
                    }
                }
                int[] col = new int[count];
                for (int e = 0; e < count; e++) {
                    col[e] = cols <= 65536 ? in.readUnsignedShort() : in.readInt();
                    if (col[e] >= cols) {
                        throw new IOException("corrupt sparse tensor column " + col[e]);
                    }
                }
                t.fill(0.0);
                boolean[] mask = encoding == CSR_MASKED ? new boolean[n] : null;
                for (int r = 0; r < rows; r++) {
                    for (int e = rowPtr[r]; e < rowPtr[r + 1]; e++) {
                        int k = r * cols + col[e];
                        readValue(in, t, k);
                        if (mask != null) {
                            mask[k] = true;
                        }
                    }
                }
                return mask;
            }
            default:
                throw new IOException("unknown tensor encoding " + encoding);
        }
    }

    private static boolean isPositiveZero(Tensor t, int k) {
        return t.isFloat() ? Float.floatToRawIntBits(t.fa()[k]) == 0 : Double.doubleToRawLongBits(t.da()[k]) == 0L;
    }

    private static void writeValue(DataOutputStream out, Tensor t, int k) throws IOException {
        if (t.isFloat()) {
            out.writeInt(Float.floatToRawIntBits(t.fa()[k]));
        } else {
            out.writeLong(Double.doubleToRawLongBits(t.da()[k]));
        }
    }

    private static void readValue(DataInputStream in, Tensor t, int k) throws IOException {
        if (t.isFloat()) {
            t.fa()[k] = Float.intBitsToFloat(in.readInt());
        } else {
            t.da()[k] = Double.longBitsToDouble(in.readLong());
        }
    }
}
