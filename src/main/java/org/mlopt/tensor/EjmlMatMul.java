package org.mlopt.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;

/** EJML's own products: the reference every faster kernel is tested against. */
public final class EjmlMatMul implements MatMul {

    public String name() { return "ejml"; }

    public void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) { CommonOps_FDRM.mult(a, b, c); }

    public void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) { CommonOps_FDRM.multTransA(a, b, c); }

    public void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) { CommonOps_FDRM.multTransB(a, b, c); }

    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) { CommonOps_DDRM.mult(a, b, c); }

    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) { CommonOps_DDRM.multTransA(a, b, c); }

    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) { CommonOps_DDRM.multTransB(a, b, c); }
}
