package org.mlopt.train;

/** Data of the training tests, for tests in other packages. */
public final class ValidationMetricTrainingTestData {

    private ValidationMetricTrainingTestData() {}

    /** Three overlapping Gaussian blobs in 5 dimensions (see {@link ValidationMetricTrainingTest#noisyBlobs}). */
    public static Dataset noisyBlobs(int n, long seed) {
        return ValidationMetricTrainingTest.noisyBlobs(n, seed);
    }
}
