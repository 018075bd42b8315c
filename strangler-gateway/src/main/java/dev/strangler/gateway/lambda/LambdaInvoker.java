package dev.strangler.gateway.lambda;

import java.util.concurrent.CompletableFuture;

/** Invokes Lambda functions. Implementations are thread-safe. */
public interface LambdaInvoker {

    /**
     * Invokes {@code function} (name or ARN) at {@code qualifier} (null for $LATEST) synchronously (RequestResponse)
     * with a JSON payload. The future completes with a {@link InvocationOutcome.Reply} or a
     * {@link InvocationOutcome.Failure}; it does not complete exceptionally for a failed invoke.
     */
    CompletableFuture<InvocationOutcome> invoke(String function, String qualifier, byte[] payload);

    /**
     * Hands {@code payload} to {@code function} asynchronously (Event): the future completes with
     * {@link InvocationOutcome.Accepted} once Lambda has queued it, or with a {@link InvocationOutcome.Failure}
     * (throttled, too large, not invoked); the function's own result is never seen.
     */
    CompletableFuture<InvocationOutcome> invokeEvent(String function, String qualifier, byte[] payload);
}
