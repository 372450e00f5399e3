package org.mlopt.data;

import org.ejml.data.DMatrixRMaj;

/** {@code scale(by)}: divides every feature by a constant (e.g. 16 for the digits pixels). Nothing to learn. */
public record Scale(double by) implements Preprocessor {

    public Scale {
        if (by == 0 || !Double.isFinite(by)) throw new IllegalArgumentException("scale needs a finite non-zero divisor, got " + by);
    }

    @Override
    public Fitted fit(Dataset train) {
        return new Fitted(by);
    }

    /** Division by {@code by}. */
    public record Fitted(double by) implements Preprocessor.Fitted {
        @Override
        public Dataset transform(Dataset data) {
            DMatrixRMaj x = data.featuresCopy();
            for (int i = 0; i < x.data.length && i < x.getNumElements(); i++) x.data[i] /= by;
            return data.withFeatures(data.featureNames(), x, data.categorical());
        }
    }
}
