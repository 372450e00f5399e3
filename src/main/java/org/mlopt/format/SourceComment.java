package org.mlopt.format;

/**
 * A {@code #} comment of the source. {@code anchorEnd} is where the last code token before it ends
 * (commas skipped, -1 at the start of the file); {@code trailing} says that code precedes it on its
 * own line, so it belongs at the end of that code's line.
 */
record SourceComment(String text, int start, int end, int anchorEnd, boolean trailing) {}
