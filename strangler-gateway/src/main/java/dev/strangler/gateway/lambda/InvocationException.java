package dev.strangler.gateway.lambda;

import java.util.Objects;

/** An invoke that did not reach the function or did not finish: throttled, timed out, refused or failed. */
public class InvocationException extends RuntimeException {

    /** Why the invoke failed; each maps to one HTTP status. */
    public enum Kind {
        /** Lambda refused for lack of concurrency (429). */
        THROTTLED,
        /** No answer within the invoke timeout (504). */
        TIMEOUT,
        /** The event is over Lambda's payload limit (413). */
        TOO_LARGE,
        /** Any other failure to invoke (502). */
        FAILED
    }

    private final Kind kind;
    private final Integer retryAfterSeconds;

    /** A failure of this kind; {@code retryAfterSeconds} may be null. */
    public InvocationException(Kind kind, String message, Integer retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Why it failed. */
    public Kind kind() {
        return kind;
    }

    /** Seconds Lambda asked the caller to wait, or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
