package org.mlopt.data;

import org.ejml.data.DMatrixRMaj;

/**
 * {@code standardize()}: scikit-learn's {@code StandardScaler}: subtract the training mean and
 * divide by the training population standard deviation (ddof 0). Constant columns (by
 * scikit-learn's {@code _is_constant_feature} test) get scale 1. Missing values (NaN) are
 * ignored when fitting and stay NaN.
 */
public record Standardize() implements Preprocessor {

    @Override
    public Fitted fit(Dataset train) {
        DMatrixRMaj x = train.features();
        int n = x.numRows, d = x.numCols;
        // Row-major passes (the matrix is row-major): sums, then centred sums and squares.
        double[] sum = new double[d];
        long[] count = new long[d];
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double v = x.data[row + j];
                if (!Double.isNaN(v)) { sum[j] += v; count[j]++; }
            }
        }
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) mean[j] = count[j] == 0 ? Double.NaN : sum[j] / count[j];
        double[] correction = new double[d];
        double[] squares = new double[d];
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double v = x.data[row + j];
                if (!Double.isNaN(v)) {
                    double t = v - mean[j];
                    correction[j] += t;
                    squares[j] += t * t;
                }
            }
        }
        double[] scale = new double[d];
        double eps = Math.ulp(1.0);
        for (int j = 0; j < d; j++) {
            long c = count[j];
            // scikit-learn's _incremental_mean_and_var: variance with a correction term, and
            // _is_constant_feature to decide that a column is constant (scale 1).
            double var = c == 0 ? Double.NaN : (squares[j] - correction[j] * correction[j] / c) / c;
            double bound = c * eps * var + (c * mean[j] * eps) * (c * mean[j] * eps);
            scale[j] = c == 0 || var <= bound ? 1.0 : Math.sqrt(var);
        }
        return new Fitted(mean, scale);
    }

    /** Fitted standardization: per-column mean and scale (scikit-learn's {@code mean_}, {@code scale_}). */
    public record Fitted(double[] mean, double[] scale) implements Preprocessor.Fitted {
        @Override
        public Dataset transform(Dataset data) {
            DMatrixRMaj x = data.featuresCopy();
            int d = x.numCols;
            if (d != mean.length) throw new DataException("standardize was fitted on " + mean.length + " features, got " + d);
            for (int i = 0; i < x.numRows; i++)
                for (int j = 0; j < d; j++) x.data[i * d + j] = (x.data[i * d + j] - mean[j]) / scale[j];
            return data.withFeatures(data.featureNames(), x, data.categorical());
        }
    }
}
