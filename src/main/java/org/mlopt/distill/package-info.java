/**
 * Knowledge distillation: {@link org.mlopt.distill.Distiller} trains a student on the teacher's
 * soft targets (KL from log-softmax, batch mean, scaled by T²) mixed with the hard labels, optionally
 * with an unlabelled transfer set ({@link org.mlopt.distill.SoftTargetLoss}) and a baseline student
 * trained without the teacher.
 */
package org.mlopt.distill;
