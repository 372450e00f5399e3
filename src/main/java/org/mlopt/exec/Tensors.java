package org.mlopt.exec;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.mlopt.autodiff.Precision;
import org.mlopt.autodiff.Tensor;

/** Converts datasets' float64 features to the precision a network computes in. */
final class Tensors {

    private Tensors() {}

    static Tensor of(DMatrixRMaj x, Precision precision) {
        if (precision == Precision.FLOAT64) return Tensor.wrap(x.copy());
        FMatrixRMaj f = new FMatrixRMaj(x.numRows, x.numCols);
        for (int i = 0; i < x.getNumElements(); i++) f.data[i] = (float) x.data[i];
        return Tensor.wrap(f);
    }
}
