package dev.strangler.lambdalocal.execution;

import java.time.Duration;
import java.util.Objects;

/**
 * What one invocation produced, as the Invoke API reports it.
 *
 * @param requestId the id the runtime saw
 * @param payload the handler's response, or the error JSON when {@code functionError} is set
 * @param functionError {@code null} on success, else {@code Unhandled} (the {@code X-Amz-Function-Error} value)
 * @param log the invocation's log: START line, the function's output, END and REPORT lines
 * @param duration time from handing over the event to the answer
 * @param initDuration the cold start of the environment that ran it, or {@link Duration#ZERO} when it was warm
 */
public record InvocationResult(String requestId, byte[] payload, String functionError, String log,
                               Duration duration, Duration initDuration) {
    public InvocationResult {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(initDuration, "initDuration");
    }

    /** Whether the handler threw, timed out or its environment died. */
    public boolean hasFunctionError() {
        return functionError != null;
    }

    /** Whether this invocation started a new environment. */
    public boolean isColdStart() {
        return !initDuration.isZero();
    }
}
