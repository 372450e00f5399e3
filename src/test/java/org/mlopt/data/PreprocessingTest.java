package org.mlopt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreprocessingTest {
    private static final double NAN = Double.NaN;

    private static Dataset table(double[][] rows, Map<String, String[]> categorical) {
        DMatrixRMaj x = new DMatrixRMaj(rows);
        List<String> names = List.of("a", "b", "c").subList(0, x.numCols);
        return Dataset.regression("t", names, x, categorical, "y", new double[x.numRows]);
    }

    private static double[] row(Dataset d, int i) {
        double[] r = new double[d.numFeatures()];
        for (int j = 0; j < r.length; j++) r[j] = d.features().get(i, j);
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris", "wine", "breast_cancer", "digits", "diabetes"})
    void standardizeMatchesStandardScalerOnTrainSplit(String name) {
        // scaler_mean / scaler_scale: StandardScaler().fit(X[train_idx]), scikit-learn 1.2.1 (w0_splits.py)
        Dataset d = Reference.load(name);
        Map<String, Object> ref = Reference.split(name);
        Standardize.Fitted f = (Standardize.Fitted) new Standardize().fit(d.rows(Reference.ints(ref.get("train_idx"))));
        double[] mean = Reference.doubles(ref.get("scaler_mean"));
        double[] scale = Reference.doubles(ref.get("scaler_scale"));
        for (int j = 0; j < mean.length; j++) {
            assertEquals(mean[j], f.mean()[j], 1e-12 * Math.max(1, Math.abs(mean[j])), name + " mean " + j);
            assertEquals(scale[j], f.scale()[j], 1e-12 * Math.max(1, scale[j]), name + " scale " + j);
        }
    }

    @Test
    void standardizeTransformsOtherPartsWithTrainingStatistics() {
        // StandardScaler().fit([[1,2,5],[3,6,5],[2,8,5],[3,4,5]]).transform([[0,10,4]]), scikit-learn 1.2.1
        Dataset train = table(new double[][] {{1, 2, 5}, {3, 6, 5}, {2, 8, 5}, {3, 4, 5}}, Map.of());
        Preprocessing p = Preprocessing.fit(List.of(new Standardize()), train);
        Dataset out = p.transform(table(new double[][] {{0, 10, 4}}, Map.of()));
        assertArrayEquals(new double[] {-2.7136021011998728, 2.23606797749979, -1.0}, row(out, 0), 1e-14);
        assertEquals(0.0, train.features().get(0, 0) - 1, 0.0, "input untouched");
    }

    @Test
    void minMaxMatchesMinMaxScaler() {
        // MinMaxScaler((-1, 2)).fit(same train).transform([[0, 10, 4]]) = [[-2.5, 3.0, -4.0]], scikit-learn 1.2.1
        Dataset train = table(new double[][] {{1, 2, 5}, {3, 6, 5}, {2, 8, 5}, {3, 4, 5}}, Map.of());
        Dataset out = new MinMax(-1, 2).fit(train).transform(table(new double[][] {{0, 10, 4}}, Map.of()));
        assertArrayEquals(new double[] {-2.5, 3.0, -4.0}, row(out, 0), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> new MinMax(1, 1));
    }

    @Test
    void scaleDivides() {
        Dataset out = new Scale(16).fit(null).transform(table(new double[][] {{16, 8, 0}}, Map.of()));
        assertArrayEquals(new double[] {1, 0.5, 0}, row(out, 0), 0);
    }

    @Test
    void imputeMatchesSimpleImputer() {
        // SimpleImputer(strategy=...).fit(train).statistics_, scikit-learn 1.2.1
        Dataset train = table(new double[][] {{1, 2, 5}, {3, NAN, 5}, {NAN, 8, 5}, {3, 4, 5}, {7, 2, 5}}, Map.of());
        assertArrayEquals(new double[] {3.5, 4.0, 5.0}, ((Impute.Fitted) new Impute(Impute.Strategy.MEAN).fit(train)).fill(), 1e-15);
        assertArrayEquals(new double[] {3.0, 3.0, 5.0}, ((Impute.Fitted) new Impute(Impute.Strategy.MEDIAN).fit(train)).fill(), 0);
        assertArrayEquals(new double[] {3.0, 2.0, 5.0}, ((Impute.Fitted) new Impute(Impute.Strategy.MOST_FREQUENT).fit(train)).fill(), 0);
        // SimpleImputer(strategy='constant', fill_value=-1).fit(train).transform([[0,nan,1],[nan,10,5]])
        Dataset out = new Impute(Impute.Strategy.CONSTANT, -1).fit(train).transform(table(new double[][] {{0, NAN, 1}, {NAN, 10, 5}}, Map.of()));
        assertArrayEquals(new double[] {0, -1, 1}, row(out, 0), 0);
        assertArrayEquals(new double[] {-1, 10, 5}, row(out, 1), 0);
        Dataset empty = table(new double[][] {{NAN, 1}, {NAN, 2}}, Map.of());
        assertThrows(DataException.class, () -> new Impute(Impute.Strategy.MEAN).fit(empty));
    }

    @Test
    void oneHotEncodesTextAndNumericColumnsWithTrainingCategories() {
        // OneHotEncoder(handle_unknown='ignore').fit([['red'],['blue'],['red'],['green']]):
        // categories ['blue','green','red']; transform([['green'],['pink']]) = [[0,1,0],[0,0,0]], scikit-learn 1.2.1
        Dataset train = table(new double[][] {{1, 10}, {2, 20}, {1, 30}, {3, 10}},
                Map.of("color", new String[] {"red", "blue", "red", "green"}));
        Preprocessor.Fitted f = new OneHot(List.of("color", "a")).fit(train);
        Dataset test = table(new double[][] {{3, 5}, {9, 6}}, Map.of("color", new String[] {"green", "pink"}));
        Dataset out = f.transform(test);
        assertEquals(List.of("b", "color=blue", "color=green", "color=red", "a=1", "a=2", "a=3"), out.featureNames());
        assertArrayEquals(new double[] {5, 0, 1, 0, 0, 0, 1}, row(out, 0), 0);
        assertArrayEquals(new double[] {6, 0, 0, 0, 0, 0, 0}, row(out, 1), 0);
        assertEquals(Map.of(), out.categorical());
        DataException e = assertThrows(DataException.class, () -> new OneHot(List.of("colour")).fit(train));
        assertEquals(true, e.getMessage().contains("did you mean 'color'"), e.getMessage());
    }

    @Test
    void pipelineFitsEachStepOnThePreviousOutput() {
        Dataset train = table(new double[][] {{1, NAN}, {3, 4}, {NAN, 8}}, Map.of());
        Preprocessing p = Preprocessing.fit(List.of(new Impute(Impute.Strategy.MEAN), new Standardize()), train);
        Dataset out = p.transform(train);
        // after imputation column a = [1, 3, 2], b = [6, 4, 8]: standardized means are 0
        double s0 = 0, s1 = 0;
        for (int i = 0; i < 3; i++) { s0 += out.features().get(i, 0); s1 += out.features().get(i, 1); }
        assertEquals(0, s0, 1e-12);
        assertEquals(0, s1, 1e-12);
        assertEquals(-Math.sqrt(1.5), out.features().get(0, 0), 1e-12);
    }

    @Test
    void standardizeIgnoresMissingValuesLikeStandardScaler() {
        // StandardScaler().fit([[1,nan],[3,4],[nan,8],[4,5]]): mean_ [2.6666666666666665, 5.666666666666667],
        // scale_ [1.247219128924647, 1.699673171197595], scikit-learn 1.2.1
        Dataset train = table(new double[][] {{1, NAN}, {3, 4}, {NAN, 8}, {4, 5}}, Map.of());
        Standardize.Fitted f = (Standardize.Fitted) new Standardize().fit(train);
        assertArrayEquals(new double[] {2.6666666666666665, 5.666666666666667}, f.mean(), 1e-15);
        assertArrayEquals(new double[] {1.247219128924647, 1.699673171197595}, f.scale(), 1e-15);
        assertEquals(true, Double.isNaN(f.transform(train).features().get(0, 1)));
    }
}
