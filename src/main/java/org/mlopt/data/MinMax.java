package org.mlopt.data;

import org.ejml.data.DMatrixRMaj;

/**
 * {@code min_max(low, high)}: scikit-learn's {@code MinMaxScaler(feature_range=(low, high))}:
 * {@code x * scale + min} with {@code scale = (high - low) / (max - min)} (range 0 counts as 1)
 * and {@code min = low - dataMin * scale}. NaN is ignored when fitting and kept.
 */
public record MinMax(double low, double high) implements Preprocessor {

    public MinMax {
        if (!(low < high)) throw new IllegalArgumentException("min_max needs low < high, got " + low + ", " + high);
    }

    @Override
    public Fitted fit(Dataset train) {
        DMatrixRMaj x = train.features();
        int n = x.numRows, d = x.numCols;
        double[] lo = new double[d];
        double[] hi = new double[d];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double v = x.data[row + j]; // NaN compares false: ignored
                if (v < lo[j]) lo[j] = v;
                if (v > hi[j]) hi[j] = v;
            }
        }
        double[] scale = new double[d];
        double[] offset = new double[d];
        for (int j = 0; j < d; j++) {
            if (lo[j] > hi[j]) { lo[j] = 0; hi[j] = 0; } // all missing
            double range = hi[j] - lo[j];
            scale[j] = (high - low) / (range == 0 ? 1.0 : range);
            offset[j] = low - lo[j] * scale[j];
        }
        return new Fitted(scale, offset);
    }

    /** Fitted min-max scaling (scikit-learn's {@code scale_} and {@code min_}). */
    public record Fitted(double[] scale, double[] offset) implements Preprocessor.Fitted {
        @Override
        public Dataset transform(Dataset data) {
            DMatrixRMaj x = data.featuresCopy();
            int d = x.numCols;
            if (d != scale.length) throw new DataException("min_max was fitted on " + scale.length + " features, got " + d);
            for (int i = 0; i < x.numRows; i++)
                for (int j = 0; j < d; j++) {
                    int k = i * d + j;
                    x.data[k] = x.data[k] * scale[j] + offset[j];
                }
            return data.withFeatures(data.featureNames(), x, data.categorical());
        }
    }
}
