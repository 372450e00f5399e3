/**
 * Linear models that reproduce scikit-learn's numbers in float64 on EJML: ordinary least squares
 * (closed form or gradient descent), ridge, lasso and elastic net by coordinate descent, and
 * binary or multinomial logistic regression.
 *
 * <p>Each model is a hyperparameter record ({@link org.mlopt.linear.Ridge},
 * {@link org.mlopt.linear.Lasso}, ...) whose {@code fit} returns a separate immutable fitted model
 * ({@link org.mlopt.linear.LinearModel} or {@link org.mlopt.linear.LogisticModel}).
 */
package org.mlopt.linear;
