package dev.strangler.analyzer.baseline;

/** A baseline or report that cannot be read or compared; the message names the file's problem and the fix. */
public final class BaselineException extends RuntimeException {
    BaselineException(String message, Throwable cause) {
        super(message, cause);
    }

    BaselineException(String message) {
        super(message);
    }
}
