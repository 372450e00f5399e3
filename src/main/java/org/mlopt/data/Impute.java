package org.mlopt.data;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code impute(strategy, value)}: scikit-learn's {@code SimpleImputer} for numeric features:
 * missing values (NaN) are replaced by the training column's mean, median or most frequent
 * value (the smallest of ties, as scikit-learn), or by {@code value} for {@code constant}.
 * A column with no value in the training part is an error (scikit-learn would drop it).
 */
public record Impute(Strategy strategy, double value) implements Preprocessor {

    /** How a column's fill value is chosen. */
    public enum Strategy { MEAN, MEDIAN, MOST_FREQUENT, CONSTANT }

    /** {@code impute(strategy)} with value 0 for {@code constant}. */
    public Impute(Strategy strategy) {
        this(strategy, 0.0);
    }

    @Override
    public Fitted fit(Dataset train) {
        DMatrixRMaj x = train.features();
        int n = x.numRows, d = x.numCols;
        double[] fill = new double[d];
        double[] column = new double[n];
        for (int j = 0; j < d; j++) {
            if (strategy == Strategy.CONSTANT) {
                fill[j] = value;
                continue;
            }
            int m = 0;
            for (int i = 0; i < n; i++) {
                double v = x.data[i * d + j];
                if (!Double.isNaN(v)) column[m++] = v;
            }
            if (m == 0)
                throw new DataException(null, train.source(), 0, 0, null, "column '" + train.featureNames().get(j)
                        + "' has no values in the training part to impute from");
            fill[j] = switch (strategy) {
                case MEAN -> mean(column, m);
                case MEDIAN -> median(column, m);
                default -> mostFrequent(column, m);
            };
        }
        return new Fitted(fill);
    }

    private static double mean(double[] v, int m) {
        double s = 0;
        for (int i = 0; i < m; i++) s += v[i];
        return s / m;
    }

    private static double median(double[] v, int m) {
        double[] s = Arrays.copyOf(v, m);
        Arrays.sort(s);
        return m % 2 == 1 ? s[m / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
    }

    private static double mostFrequent(double[] v, int m) {
        double[] s = Arrays.copyOf(v, m);
        Arrays.sort(s);
        double best = s[0];
        int bestCount = 0;
        for (int i = 0; i < m; ) {
            int j = i;
            while (j < m && s[j] == s[i]) j++;
            if (j - i > bestCount) { bestCount = j - i; best = s[i]; } // ascending: ties keep the smallest
            i = j;
        }
        return best;
    }

    /** Fitted imputation: the fill value of each column (scikit-learn's {@code statistics_}). */
    public record Fitted(double[] fill) implements Preprocessor.Fitted {
        @Override
        public Dataset transform(Dataset data) {
            DMatrixRMaj x = data.featuresCopy();
            int d = x.numCols;
            if (d != fill.length) throw new DataException("impute was fitted on " + fill.length + " features, got " + d);
            for (int i = 0; i < x.numRows; i++)
                for (int j = 0; j < d; j++)
                    if (Double.isNaN(x.data[i * d + j])) x.data[i * d + j] = fill[j];
            return data.withFeatures(data.featureNames(), x, data.categorical());
        }
    }
}
