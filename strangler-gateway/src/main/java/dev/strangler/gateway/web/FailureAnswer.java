package dev.strangler.gateway.web;

import dev.strangler.gateway.lambda.InvocationOutcome;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * How the gateway answers a failed target when it does not fall back: the status and problem title for a failure, and
 * the kind it is counted and labelled as. Built by {@link #of}, the failure-to-status mapping.
 *
 * @param kind the failure's label in metrics, logs and {@code X-Strangler-Fallback}
 * @param status the answer's status
 * @param title the problem's title, naming the route
 * @param retryAfterSeconds the {@code Retry-After} to send, or null for none
 */
record FailureAnswer(String kind, HttpStatus status, String title, Integer retryAfterSeconds) {

    FailureAnswer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be 0 or more, but was " + retryAfterSeconds);
        }
    }

    /** The answer to {@code failure} of the target of route {@code routeId}. */
    static FailureAnswer of(InvocationOutcome.Failure failure, String routeId) {
        String function = "The function behind route '" + routeId + "'";
        if (failure instanceof InvocationOutcome.Throttled throttled) {
            return new FailureAnswer(failure.kind(), HttpStatus.TOO_MANY_REQUESTS, function + " is at its concurrency limit",
                    throttled.retryAfterSeconds() == null ? 1 : throttled.retryAfterSeconds());
        }
        if (failure instanceof InvocationOutcome.Timeout || failure instanceof InvocationOutcome.FunctionTimeout) {
            return new FailureAnswer(failure.kind(), HttpStatus.GATEWAY_TIMEOUT, function + " did not answer in time", null);
        }
        if (failure instanceof InvocationOutcome.TooLarge) {
            return new FailureAnswer(failure.kind(), HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is over the 6 MB a function accepts on route '" + routeId + "'", null);
        }
        if (failure instanceof InvocationOutcome.FunctionError) {
            return new FailureAnswer(failure.kind(), HttpStatus.BAD_GATEWAY, function + " failed", null);
        }
        return new FailureAnswer(failure.kind(), HttpStatus.BAD_GATEWAY, function + " could not be invoked", null);
    }
}
