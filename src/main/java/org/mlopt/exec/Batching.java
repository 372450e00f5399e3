package org.mlopt.exec;

/** Reads the batch size from a train block: {@code batch: N} or {@code mode: batch|minibatch|stochastic}. */
final class Batching {

    /** Mini-batch size when only {@code mode: minibatch} is given, as PyTorch's DataLoader users usually pick. */
    static final int DEFAULT_MINI_BATCH = 32;

    private Batching() {}

    /** Rows per update; {@code rows} (or more) means full batch. */
    static int batchSize(Bound options, int rows) {
        if (options.has("batch")) {
            Object b = options.get("batch");
            if (b instanceof String s && s.equals("all")) return rows;
            return Math.max(1, options.integer("batch"));
        }
        return switch (options.optionalWord("mode").orElse("minibatch")) {
            case "batch" -> rows;
            case "stochastic" -> 1;
            default -> Math.min(rows, DEFAULT_MINI_BATCH);
        };
    }
}
