package org.mlopt.plan;

/**
 * One rung of successive halving: {@code configs} configurations each trained with
 * {@code resource} units (epochs or samples). Hyperband numbers its brackets; plain halving has bracket 0.
 */
public record Rung(int bracket, int index, int configs, double resource) {}
