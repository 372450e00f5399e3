package org.mlopt.cli;

/** A command-line mistake, reported in one line with exit code 64. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
