/**
 * Evaluation metrics with scikit-learn 1.2 semantics: {@link org.mlopt.metric.ClassificationMetrics}
 * (accuracy, precision/recall/F1, confusion matrix), {@link org.mlopt.metric.ProbabilityMetrics}
 * (ROC-AUC, log-loss), {@link org.mlopt.metric.RegressionMetrics} (mse, rmse, mae, r2), and
 * {@link org.mlopt.metric.Metrics#compute} to compute one by its script name and parameters.
 */
package org.mlopt.metric;
