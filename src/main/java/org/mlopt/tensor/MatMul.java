package org.mlopt.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * The matrix products networks and linear models need, behind one small interface so a fast
 * kernel can replace EJML's reference implementation. Outputs are overwritten, must already have
 * the right shape, and must not alias an input.
 */
public interface MatMul {

    String name();

    /** c = a b */
    void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c);

    /** c = aᵀ b */
    void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c);

    /** c = a bᵀ */
    void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c);

    /** c = a b */
    void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** c = aᵀ b */
    void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** c = a bᵀ */
    void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);
}
