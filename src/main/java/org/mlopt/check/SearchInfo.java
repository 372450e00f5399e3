package org.mlopt.check;

/**
 * What the checker worked out about one search statement.
 *
 * @param statement  the statement's index in the program
 * @param model      the searched model's name
 * @param strategy   the strategy's name (grid, random, ...)
 * @param candidates grid points (conditional keys counted only where active); -1 when not a grid
 * @param folds      folds per candidate (1 for a holdout)
 * @param fits       candidates x folds + 1 refit; -1 when not a grid
 */
public record SearchInfo(int statement, String model, String strategy, long candidates, int folds, long fits) {}
