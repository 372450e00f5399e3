package org.mlopt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TrainTestSplitTest {

    // References: src/test/resources/reference/splits/*.json, written by /work/shared/bench/w0_splits.py
    // (scikit-learn 1.2.1 train_test_split(arange(n), test_size=0.25, random_state=0, stratify=labels)).

    @ParameterizedTest
    @ValueSource(strings = {"iris", "wine", "breast_cancer", "digits", "diabetes"})
    void reproducesScikitLearnSplitExactly(String name) {
        Dataset d = Reference.load(name);
        Map<String, Object> ref = Reference.split(name);
        TrainTestSplit.Split s = d.task().isClassification()
                ? TrainTestSplit.stratified(d.labels(), 0.25, 0)
                : TrainTestSplit.shuffle(d.numRows(), 0.25, 0);
        assertArrayEquals(Reference.ints(ref.get("train_idx")), s.train(), name + " train");
        assertArrayEquals(Reference.ints(ref.get("test_idx")), s.test(), name + " test");
        if (d.task().isClassification()) assertEquals(ref.get("classes_sorted"), d.classes());
    }

    @Test
    void stratifiedKFoldMatchesScikitLearnOnBreastCancerAndDigits() {
        for (String[] c : new String[][] {{"breast_cancer", "cv5_fold_of_train_position", "5"}, {"digits", "cv3_fold_of_train_position", "3"}}) {
            Dataset d = Reference.load(c[0]);
            Map<String, Object> ref = Reference.split(c[0]);
            Dataset train = d.rows(Reference.ints(ref.get("train_idx")));
            int[] folds = CrossValidation.stratifiedKFold(train.labels(), Integer.parseInt(c[2]), false, 0);
            assertArrayEquals(Reference.ints(ref.get(c[1])), folds, c[0]);
        }
    }

    @Test
    void kFoldAndShuffledFoldsMatchScikitLearn() {
        // KFold(3).split(arange(10)): test folds [0..3], [4..6], [7..9]
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 2}, CrossValidation.kFold(10, 3, false, 0));
        // scikit-learn 1.2.1: KFold(3, shuffle=True, random_state=0).split(arange(10)) test folds
        // [2, 4, 8, 9] / [1, 6, 7] / [0, 3, 5] (computed with Debian's python3)
        assertArrayEquals(new int[] {2, 1, 0, 2, 0, 2, 1, 1, 0, 0}, CrossValidation.kFold(10, 3, true, 0));
        // StratifiedKFold(2, shuffle=True, random_state=1).split(X, y=[0,0,0,1,1,1,1,0]) fold of each row
        assertArrayEquals(new int[] {1, 1, 0, 0, 1, 0, 1, 0}, CrossValidation.stratifiedKFold(new int[] {0, 0, 0, 1, 1, 1, 1, 0}, 2, true, 1));
        java.util.List<TrainTestSplit.Split> folds = CrossValidation.splits(CrossValidation.kFold(10, 3, true, 0), 3);
        assertArrayEquals(new int[] {2, 4, 8, 9}, folds.get(0).test());
        assertArrayEquals(new int[] {0, 1, 3, 5, 6, 7}, folds.get(0).train());
        assertArrayEquals(new int[] {1, 3}, CrossValidation.rows(new int[] {0, 1, 0, 1}, 1, true));
        assertArrayEquals(new int[] {0, 2}, CrossValidation.rows(new int[] {0, 1, 0, 1}, 1, false));
    }

    @Test
    void threePartSplitEqualsTwoSuccessiveTrainTestSplits() {
        Dataset d = Reference.load("iris");
        int[][] parts = TrainTestSplit.parts(d.numRows(), d.labels(), new double[] {0.6, 0.2, 0.2}, 0);
        // scikit-learn 1.2.1: rest, test = train_test_split(arange(150), test_size=0.2, random_state=0, stratify=y);
        // train, valid = train_test_split(rest, test_size=0.25, random_state=0, stratify=y[rest])
        TrainTestSplit.Split first = TrainTestSplit.stratified(d.labels(), 0.2, 0);
        assertArrayEquals(first.test(), parts[2]);
        assertEquals(90, parts[0].length);
        assertEquals(30, parts[1].length);
        assertEquals(30, parts[2].length);
        int[] all = new int[150];
        for (int[] p : parts) for (int i : p) all[i]++;
        assertEquals(150, Arrays.stream(all).filter(x -> x == 1).count());
        assertArrayEquals(PARTS_VALID_HEAD, Arrays.copyOf(parts[1], 5));
    }

    // First 5 indices of the valid part from the two train_test_split calls above (scikit-learn 1.2.1).
    private static final int[] PARTS_VALID_HEAD = {79, 53, 89, 45, 111};

    @Test
    void rejectsSingletonClassesAndBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.stratified(new int[] {0, 0, 1, 1, 2}, 0.4, 0));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.shuffle(10, 1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.parts(10, null, new double[] {0.5, 0.4}, 0));
    }

    @Test
    void unshuffledSplitKeepsFileOrder() {
        // train_test_split(arange(10), test_size=0.25, shuffle=False) -> train [0..7), test [7..10) (ceil(2.5) = 3)
        TrainTestSplit.Split s = TrainTestSplit.ordered(10, 0.25);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, s.train());
        assertArrayEquals(new int[] {7, 8, 9}, s.test());
        int[][] parts = TrainTestSplit.parts(10, null, new double[] {0.6, 0.2, 0.2}, 0, false);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, parts[0]);
        assertArrayEquals(new int[] {6, 7}, parts[1]);
        assertArrayEquals(new int[] {8, 9}, parts[2]);
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.parts(4, new int[] {0, 1, 0, 1}, new double[] {0.5, 0.5}, 0, false));
    }
}
