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

}
