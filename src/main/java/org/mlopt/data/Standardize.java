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
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                double v = x.data[i * d + j];
                if (!Double.isNaN(v)) { sum += v; count++; }
            }
            double m = count == 0 ? Double.NaN : sum / count;
            // Two-pass variance with scikit-learn's correction term (_incremental_mean_and_var).
            double correction = 0, squares = 0;
            for (int i = 0; i < n; i++) {
                double v = x.data[i * d + j];
                if (!Double.isNaN(v)) {
                    double t = v - m;
                    correction += t;
                    squares += t * t;
                }
            }
            double var = count == 0 ? Double.NaN : (squares - correction * correction / count) / count;
            double eps = Math.ulp(1.0);
            double bound = count * eps * var + (count * m * eps) * (count * m * eps);
            mean[j] = m;
            scale[j] = var <= bound || count == 0 ? 1.0 : Math.sqrt(var);
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
