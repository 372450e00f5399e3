package org.mlopt.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * scikit-learn's {@code KFold} and {@code StratifiedKFold}, as a fold number per row.
 * Each fold's test rows are the rows with that number and its train rows all others, both in
 * ascending order as scikit-learn yields them.
 */
public final class CrossValidation {

    private CrossValidation() {}

    /**
     * {@code KFold(k, shuffle, random_state=seed)}: contiguous folds over {@code arange(n)}
     * (shuffled first with {@code RandomState(seed).shuffle} when asked), the first
     * {@code n % k} folds one row larger.
     */
    public static int[] kFold(int n, int k, boolean shuffle, long seed) {
        checkFolds(n, k);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (shuffle) new NumpyRandomState(seed).shuffle(order);
        int[] fold = new int[n];
        int pos = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            for (int j = 0; j < size; j++) fold[order[pos++]] = f;
        }
        return fold;
    }

    /**
     * {@code StratifiedKFold(k, shuffle, random_state=seed)} on class labels: classes are
     * numbered by first appearance, the sorted labels are dealt round-robin to folds to get
     * each fold's per-class allocation, and each class's rows receive their fold numbers in
     * row order (shuffled per class with one {@code RandomState(seed)} when asked).
     */
    public static int[] stratifiedKFold(int[] labels, int k, boolean shuffle, long seed) {
        int n = labels.length;
        checkFolds(n, k);
        Map<Integer, Integer> firstSeen = new LinkedHashMap<>();
        int[] encoded = new int[n];
        for (int i = 0; i < n; i++) {
            Integer c = firstSeen.get(labels[i]);
            if (c == null) {
                c = firstSeen.size();
                firstSeen.put(labels[i], c);
            }
            encoded[i] = c;
        }
        int nc = firstSeen.size();
        int[] counts = new int[nc];
        for (int e : encoded) counts[e]++;
        boolean allTooSmall = true;
        for (int c : counts) if (c >= k) allTooSmall = false;
        if (allTooSmall) throw new IllegalArgumentException("n_splits=" + k + " cannot be greater than the number of members in each class");
        int[] sorted = new int[n];
        int p = 0;
        for (int c = 0; c < nc; c++) for (int j = 0; j < counts[c]; j++) sorted[p++] = c;
        int[][] allocation = new int[k][nc];
        for (int i = 0; i < n; i++) allocation[i % k][sorted[i]]++;
        NumpyRandomState rng = shuffle ? new NumpyRandomState(seed) : null;
        int[] fold = new int[n];
        for (int c = 0; c < nc; c++) {
            int[] foldsForClass = new int[counts[c]];
            int q = 0;
            for (int f = 0; f < k; f++) for (int j = 0; j < allocation[f][c]; j++) foldsForClass[q++] = f;
            if (rng != null) rng.shuffle(foldsForClass);
            q = 0;
            for (int i = 0; i < n; i++) if (encoded[i] == c) fold[i] = foldsForClass[q++];
        }
        return fold;
    }

    /** The (train, test) rows of each fold, as scikit-learn's {@code split()} yields them. */
    public static List<TrainTestSplit.Split> splits(int[] foldOf, int k) {
        List<TrainTestSplit.Split> out = new ArrayList<>(k);
        for (int f = 0; f < k; f++) out.add(new TrainTestSplit.Split(rows(foldOf, f, false), rows(foldOf, f, true)));
        return out;
    }

    /** Rows whose fold is {@code f} (test) or is not (train), ascending. */
    public static int[] rows(int[] foldOf, int f, boolean inFold) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < foldOf.length; i++) if ((foldOf[i] == f) == inFold) r.add(i);
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void checkFolds(int n, int k) {
        if (k < 2) throw new IllegalArgumentException("k-fold cross-validation requires at least 2 folds, got " + k);
        if (k > n) throw new IllegalArgumentException("cannot have " + k + " folds with only " + n + " samples");
    }
}
