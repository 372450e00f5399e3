package org.mlopt.linear;

import org.ejml.data.DMatrixRMaj;

/** Column means and centred copies: how every model here fits an unpenalised intercept. */
final class Centering {

    private Centering() {}

    static double[] columnMeans(DMatrixRMaj x) {
        int n = x.numRows;
        int p = x.numCols;
        double[] mean = new double[p];
        double[] d = x.data;
        for (int i = 0; i < n; i++) {
            int row = i * p;
            for (int j = 0; j < p; j++) {
                mean[j] += d[row + j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        return mean;
    }

    static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }

    /** x minus its column means, as a new matrix. */
    static DMatrixRMaj centred(DMatrixRMaj x, double[] mean) {
        int n = x.numRows;
        int p = x.numCols;
        DMatrixRMaj out = new DMatrixRMaj(n, p);
        double[] s = x.data;
        double[] d = out.data;
        for (int i = 0; i < n; i++) {
            int row = i * p;
            for (int j = 0; j < p; j++) {
                d[row + j] = s[row + j] - mean[j];
            }
        }
        return out;
    }

    /** x minus its column means, transposed into column-major order (column j at [j*n, (j+1)*n)). */
    static double[] centredColumns(DMatrixRMaj x, double[] mean) {
        int n = x.numRows;
        int p = x.numCols;
        double[] s = x.data;
        double[] cols = new double[n * p];
        final int block = 64;   // transpose tile by tile so reads and writes both stay in cache
        for (int i0 = 0; i0 < n; i0 += block) {
            int i1 = Math.min(n, i0 + block);
            for (int j0 = 0; j0 < p; j0 += block) {
                int j1 = Math.min(p, j0 + block);
                for (int j = j0; j < j1; j++) {
                    int col = j * n;
                    double m = mean[j];
                    for (int i = i0; i < i1; i++) {
                        cols[col + i] = s[i * p + j] - m;
                    }
                }
            }
        }
        return cols;
    }

    static double[] centred(double[] y, double mean) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] - mean;
        }
        return out;
    }

    /** The intercept that goes with coefficients fitted on centred data: ȳ − x̄·w. */
    static double intercept(double yMean, double[] xMean, double[] coef) {
        double b = yMean;
        for (int j = 0; j < coef.length; j++) {
            b -= xMean[j] * coef[j];
        }
        return b;
    }
}
