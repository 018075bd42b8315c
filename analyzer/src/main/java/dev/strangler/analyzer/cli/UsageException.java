package dev.strangler.analyzer.cli;

/** Bad command-line input or an unreadable input file: the run stops with exit code 2 and this message. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
