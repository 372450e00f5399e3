package org.mlopt.prune;

/** Where a pruning threshold applies: separately in every tensor or layer, or one across all of them. */
public enum Scope {
    /** Each selected tensor (or layer) loses round(sparsity·n) of its own entries. */
    LAYER,
    /** One threshold across every selected tensor: round(sparsity·N) entries of the pool. */
    GLOBAL
}
