package dev.strangler.gateway.lambda;

import java.util.concurrent.CompletableFuture;

/** Invokes a Lambda function synchronously (RequestResponse). Implementations are thread-safe. */
public interface LambdaInvoker {

    /**
     * Invokes {@code function} (name or ARN) at {@code qualifier} (null for $LATEST) with a JSON payload. The future
     * completes with the function's reply (which may be a function error) or fails with {@link InvocationException}.
     */
    CompletableFuture<Invocation> invoke(String function, String qualifier, byte[] payload);
}
