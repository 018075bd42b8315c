package dev.strangler.extraction.core;

import java.util.List;

/** The input cannot be extracted (unknown service, foreign report, source that does not match); nothing was written. */
public final class BadInputException extends RuntimeException {
    private final List<String> details;

    public BadInputException(String message) {
        this(message, List.of());
    }

    /** @param details one line each, printed under the message (schema failures, missing classes) */
    public BadInputException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
