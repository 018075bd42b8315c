package dev.strangler.gateway.lambda;

/** A function's reply that cannot be mapped to an HTTP response (no proxy shape where one is required, a bad status, bad base64). */
public final class MalformedReplyException extends RuntimeException {

    /** A reply refused for {@code reason}. */
    public MalformedReplyException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
