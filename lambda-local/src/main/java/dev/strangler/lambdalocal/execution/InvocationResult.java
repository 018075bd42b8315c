package dev.strangler.lambdalocal.execution;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one invocation produced, as the Invoke API reports it.
 *
 * <p>The log is read from the environment's output file when first asked for, not when the invocation ends: most
 * callers never ask (only {@code X-Amz-Log-Type: Tail} does), and reading it on every invocation put a file open,
 * seek and read between the runtime's answer and the caller's. Where it ends in the file is fixed when the invocation
 * ends, so later output of the same environment never leaks into it. Thread-safe.
 */
public final class InvocationResult {
    private final String requestId;
    private final byte[] payload;
    private final String functionError;
    private final Duration duration;
    private final Duration initDuration;
    private Supplier<String> logReader;
    private String log;

    /**
     * @param requestId the id the runtime saw
     * @param payload the handler's response, or the error JSON when {@code functionError} is set
     * @param functionError {@code null} on success, else {@code Unhandled} (the {@code X-Amz-Function-Error} value)
     * @param logReader reads the invocation's log (see {@link #log()}); called at most once
     * @param duration time from handing over the event to the answer
     * @param initDuration the cold start of the environment that ran it, or {@link Duration#ZERO} when it was warm
     */
    public InvocationResult(String requestId, byte[] payload, String functionError, Supplier<String> logReader,
                            Duration duration, Duration initDuration) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.functionError = functionError;
        this.logReader = Objects.requireNonNull(logReader, "logReader");
        this.duration = Objects.requireNonNull(duration, "duration");
        this.initDuration = Objects.requireNonNull(initDuration, "initDuration");
    }

    /** The id the runtime saw. */
    public String requestId() {
        return requestId;
    }

    /** The handler's response, or the error JSON when {@link #functionError()} is set. */
    public byte[] payload() {
        return payload;
    }

    /** {@code null} on success, else {@code Unhandled} (the {@code X-Amz-Function-Error} value). */
    public String functionError() {
        return functionError;
    }

    /** The invocation's log: START line, the function's output, END and REPORT lines. */
    public synchronized String log() {
        if (log == null) {
            log = logReader.get();
            logReader = null;
        }
        return log;
    }

    /** Time from handing over the event to the answer. */
    public Duration duration() {
        return duration;
    }

    /** The cold start of the environment that ran it, or {@link Duration#ZERO} when it was warm. */
    public Duration initDuration() {
        return initDuration;
    }

    /** Whether the handler threw, timed out or its environment died. */
    public boolean hasFunctionError() {
        return functionError != null;
    }

    /** Whether this invocation started a new environment. */
    public boolean isColdStart() {
        return !initDuration.isZero();
    }

    @Override
    public String toString() {
        return "InvocationResult[requestId=" + requestId + ", functionError=" + functionError + ", duration="
                + duration + ", initDuration=" + initDuration + "]";
    }
}
