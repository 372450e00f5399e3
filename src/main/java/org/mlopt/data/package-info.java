/**
 * Datasets and everything that produces or partitions them.
 *
 * <ul>
 *   <li>{@link org.mlopt.data.CsvReader} reads a CSV file into an immutable
 *       {@link org.mlopt.data.Dataset} (or only inspects its header and target for the checker);
 *       problems are {@link org.mlopt.data.DataException}s naming file, line and column.</li>
 *   <li>{@link org.mlopt.data.NumpyRandomState} is numpy's legacy {@code RandomState}, bit for
 *       bit, so that {@link org.mlopt.data.TrainTestSplit} and
 *       {@link org.mlopt.data.CrossValidation} give scikit-learn's partitions for the same seed.</li>
 *   <li>{@link org.mlopt.data.Preprocessor} steps ({@link org.mlopt.data.Standardize},
 *       {@link org.mlopt.data.MinMax}, {@link org.mlopt.data.Scale}, {@link org.mlopt.data.OneHot},
 *       {@link org.mlopt.data.Impute}) separate the written settings from the fitted statistics;
 *       {@link org.mlopt.data.Preprocessing} fits a sequence on a training part.</li>
 *   <li>{@link org.mlopt.data.Synthetic} generates seeded datasets like scikit-learn's
 *       {@code make_*} functions.</li>
 * </ul>
 */
package org.mlopt.data;
