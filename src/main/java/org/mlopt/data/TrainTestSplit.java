package org.mlopt.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * scikit-learn 1.2's {@code train_test_split(arange(n), test_size=..., random_state=seed,
 * stratify=...)}, reproduced exactly: {@code ShuffleSplit} without labels and
 * {@code StratifiedShuffleSplit} (with {@code _approximate_mode}) with labels, drawing from
 * {@link NumpyRandomState} in the same order as scikit-learn.
 *
 * <p>Labels are class indices {@code 0..k-1} in sorted class order (numpy's {@code np.unique}
 * order), which is how {@link Dataset} encodes them.
 */
public final class TrainTestSplit {

    /** Row indices of the two parts, in scikit-learn's (shuffled) order. */
    public record Split(int[] train, int[] test) {}

    private TrainTestSplit() {}

    /** Number of test rows for a fractional test size: {@code ceil(testSize * n)}, as scikit-learn. */
    public static int testCount(int n, double testSize) {
        if (!(testSize > 0 && testSize < 1)) throw new IllegalArgumentException("test size must be in (0, 1): " + testSize);
        int nTest = (int) Math.ceil(testSize * n);
        if (nTest <= 0 || nTest >= n)
            throw new IllegalArgumentException("test size " + testSize + " with " + n + " samples leaves an empty part");
        return nTest;
    }

    /** Unstratified split ({@code ShuffleSplit}): the first {@code nTest} of a permutation are the test part. */
    public static Split shuffle(int n, double testSize, long seed) {
        int nTest = testCount(n, testSize);
        int[] perm = new NumpyRandomState(seed).permutation(n);
        return new Split(Arrays.copyOfRange(perm, nTest, n), Arrays.copyOfRange(perm, 0, nTest));
    }

    /**
     * {@code train_test_split(..., shuffle=False)}: the first {@code n - ceil(testSize * n)} rows
     * train, the rest test, in file order.
     */
    public static Split ordered(int n, double testSize) {
        int nTest = testCount(n, testSize);
        int[] train = new int[n - nTest];
        int[] test = new int[nTest];
        for (int i = 0; i < train.length; i++) train[i] = i;
        for (int i = 0; i < nTest; i++) test[i] = n - nTest + i;
        return new Split(train, test);
    }

    /** Stratified split ({@code StratifiedShuffleSplit}) on class indices {@code labels}. */
    public static Split stratified(int[] labels, double testSize, long seed) {
        int n = labels.length;
        int nTest = testCount(n, testSize);
        int nTrain = n - nTest;
        int k = 0;
        for (int y : labels) k = Math.max(k, y + 1);
        int[] counts = new int[k];
        for (int y : labels) counts[y]++;
        List<Integer> present = new ArrayList<>();
        for (int c = 0; c < k; c++) if (counts[c] > 0) present.add(c);
        // np.unique drops absent classes: work on the present ones only.
        int kp = present.size();
        int[] classCounts = new int[kp];
        int[] dense = new int[k];
        for (int i = 0; i < kp; i++) {
            classCounts[i] = counts[present.get(i)];
            dense[present.get(i)] = i;
        }
        for (int c : classCounts)
            if (c < 2) throw new IllegalArgumentException("The least populated class has only 1 member, which is too few to stratify");
        if (nTrain < kp || nTest < kp)
            throw new IllegalArgumentException("each part needs at least one row per class (" + kp + " classes, "
                    + nTrain + " train, " + nTest + " test rows)");
        int[][] classIndices = new int[kp][];
        int[] fill = new int[kp];
        for (int i = 0; i < kp; i++) classIndices[i] = new int[classCounts[i]];
        for (int r = 0; r < n; r++) {
            int c = dense[labels[r]];
            classIndices[c][fill[c]++] = r;
        }
        NumpyRandomState rng = new NumpyRandomState(seed);
        int[] nI = approximateMode(classCounts, nTrain, rng);
        int[] remaining = new int[kp];
        for (int i = 0; i < kp; i++) remaining[i] = classCounts[i] - nI[i];
        int[] tI = approximateMode(remaining, nTest, rng);
        int[] train = new int[nTrain];
        int[] test = new int[nTest];
        int a = 0, b = 0;
        for (int i = 0; i < kp; i++) {
            int[] perm = rng.permutation(classCounts[i]);
            for (int j = 0; j < nI[i]; j++) train[a++] = classIndices[i][perm[j]];
            for (int j = nI[i]; j < nI[i] + tI[i]; j++) test[b++] = classIndices[i][perm[j]];
        }
        return new Split(rng.permutation(train), rng.permutation(test));
    }

    /**
     * scikit-learn's {@code _approximate_mode}: per-class draw counts proportional to
     * {@code classCounts}, the remainder given by largest fractional part, ties broken with
     * {@code rng.choice(..., replace=False)}.
     */
    static int[] approximateMode(int[] classCounts, int nDraws, NumpyRandomState rng) {
        int k = classCounts.length;
        double total = 0;
        for (int c : classCounts) total += c;
        double[] continuous = new double[k];
        double[] floored = new double[k];
        double flooredSum = 0;
        for (int i = 0; i < k; i++) {
            continuous[i] = classCounts[i] / total * nDraws;
            floored[i] = Math.floor(continuous[i]);
            flooredSum += floored[i];
        }
        int needToAdd = (int) (nDraws - flooredSum);
        if (needToAdd > 0) {
            double[] remainder = new double[k];
            for (int i = 0; i < k; i++) remainder[i] = continuous[i] - floored[i];
            double[] values = Arrays.stream(remainder).distinct().sorted().toArray();
            for (int v = values.length - 1; v >= 0; v--) {
                int[] inds = indicesEqual(remainder, values[v]);
                int addNow = Math.min(inds.length, needToAdd);
                int[] chosen = rng.choiceWithoutReplacement(inds.length, addNow);
                for (int c : chosen) floored[inds[c]] += 1;
                needToAdd -= addNow;
                if (needToAdd == 0) break;
            }
        }
        int[] out = new int[k];
        for (int i = 0; i < k; i++) out[i] = (int) floored[i];
        return out;
    }

    private static int[] indicesEqual(double[] a, double v) {
        return java.util.stream.IntStream.range(0, a.length).filter(i -> a[i] == v).toArray();
    }

    /**
     * A split into several named parts by successive two-way splits: the last part is split
     * off the whole data first, then the next-to-last off the rest (with its fraction rescaled
     * to what is left), and so on; the first part is what remains. Each two-way split uses the
     * same seed, exactly like calling {@code train_test_split} repeatedly with
     * {@code random_state=seed}. With two parts this is one {@code train_test_split}.
     *
     * @param labels class indices to stratify on, or null for an unstratified split
     * @return row indices of each part, in the order of {@code fractions}
     */
    public static int[][] parts(int n, int[] labels, double[] fractions, long seed) {
        return parts(n, labels, fractions, seed, true);
    }

    /**
     * As {@link #parts(int, int[], double[], long)}; with {@code shuffle} false the parts are
     * consecutive blocks of rows in file order (stratifying then is an error, as in scikit-learn).
     */
    public static int[][] parts(int n, int[] labels, double[] fractions, long seed, boolean shuffle) {
        if (!shuffle && labels != null)
            throw new IllegalArgumentException("a stratified split needs shuffle: true");
        if (fractions.length < 2) throw new IllegalArgumentException("a split needs at least 2 parts");
        double sum = 0;
        for (double f : fractions) {
            if (!(f > 0 && f < 1)) throw new IllegalArgumentException("fraction must be in (0, 1): " + f);
            sum += f;
        }
        if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("fractions must sum to 1, not " + sum);
        int[][] out = new int[fractions.length][];
        int[] rest = new int[n];
        for (int i = 0; i < n; i++) rest[i] = i;
        double restFraction = 1.0;
        for (int p = fractions.length - 1; p >= 1; p--) {
            double testSize = p == 1 ? fractions[1] / (fractions[0] + fractions[1]) : fractions[p] / restFraction;
            int[] sub = null;
            if (labels != null) {
                sub = new int[rest.length];
                for (int i = 0; i < rest.length; i++) sub[i] = labels[rest[i]];
            }
            Split s = !shuffle ? ordered(rest.length, testSize)
                    : sub != null ? stratified(sub, testSize, seed) : shuffle(rest.length, testSize, seed);
            out[p] = map(rest, s.test());
            rest = map(rest, s.train());
            restFraction -= fractions[p];
        }
        out[0] = rest;
        return out;
    }

    private static int[] map(int[] base, int[] positions) {
        int[] r = new int[positions.length];
        for (int i = 0; i < r.length; i++) r[i] = base[positions[i]];
        return r;
    }
}
