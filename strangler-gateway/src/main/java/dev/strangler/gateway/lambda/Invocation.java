package dev.strangler.gateway.lambda;

import java.util.Objects;

/**
 * The outcome of one synchronous invoke that reached the function. The payload array is owned by this record.
 *
 * @param functionError the function's error type ({@code Unhandled}, {@code Handled}), or null when it succeeded
 * @param payload what the function returned, or its error JSON
 * @param executedVersion the function version that ran, or null
 * @param awsRequestId the Lambda request id, or null
 */
public record Invocation(String functionError, byte[] payload, String executedVersion, String awsRequestId) {
    public Invocation {
        Objects.requireNonNull(payload, "payload");
    }

    /** Whether the function failed (Lambda still answered 200). */
    public boolean isFunctionError() {
        return functionError != null && !functionError.isEmpty();
    }
}
