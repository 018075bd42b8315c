package dev.strangler.lambdalocal.execution;

import java.util.concurrent.CompletableFuture;

/**
 * One event on its way through an environment, as the Runtime API's {@code next} hands it out.
 *
 * <p>Thread-safe: the invoking thread waits on it while Runtime API threads deliver and complete it.
 */
public final class Invocation {
    private final String requestId;
    private final byte[] payload;
    private final String functionArn;
    private final String traceId;
    private final String clientContext;
    private final long timeoutMillis;
    private volatile long deadlineEpochMillis;
    private volatile long deliveredNanos;
    final CompletableFuture<Void> delivered = new CompletableFuture<>();
    final CompletableFuture<Answer> answer = new CompletableFuture<>();

    Invocation(String requestId, byte[] payload, String functionArn, String traceId, String clientContext,
               long timeoutMillis) {
        this.requestId = requestId;
        this.payload = payload;
        this.functionArn = functionArn;
        this.traceId = traceId;
        this.clientContext = clientContext;
        this.timeoutMillis = timeoutMillis;
    }

    public String requestId() {
        return requestId;
    }

    public byte[] payload() {
        return payload;
    }

    public String functionArn() {
        return functionArn;
    }

    public String traceId() {
        return traceId;
    }

    /** The caller's {@code X-Amz-Client-Context}, or {@code null}. */
    public String clientContext() {
        return clientContext;
    }

    /** When the handler must have answered, in epoch milliseconds; set when the event is handed out. */
    public long deadlineEpochMillis() {
        return deadlineEpochMillis;
    }

    long deliveredNanos() {
        return deliveredNanos;
    }

    void markDelivered() {
        deliveredNanos = System.nanoTime();
        deadlineEpochMillis = System.currentTimeMillis() + timeoutMillis;
        delivered.complete(null);
    }

    void finish(Answer result) {
        answer.complete(result);
        delivered.complete(null);
    }

    /** The runtime's or lambda-local's answer: a payload, flagged when it is an error. */
    record Answer(byte[] payload, boolean isError, boolean keepsEnvironment) {
    }
}
