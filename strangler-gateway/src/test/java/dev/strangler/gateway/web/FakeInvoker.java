package dev.strangler.gateway.web;

import dev.strangler.gateway.lambda.InvocationOutcome;
import dev.strangler.gateway.lambda.LambdaInvoker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A {@link LambdaInvoker} for unit tests: answers each invoke through a function and keeps the payloads it was given. */
final class FakeInvoker implements LambdaInvoker {

    final List<byte[]> syncPayloads = new CopyOnWriteArrayList<>();
    final List<byte[]> eventPayloads = new CopyOnWriteArrayList<>();
    private final Function<byte[], CompletableFuture<InvocationOutcome>> sync;
    private final Function<byte[], CompletableFuture<InvocationOutcome>> event;

    private FakeInvoker(Function<byte[], CompletableFuture<InvocationOutcome>> sync,
                        Function<byte[], CompletableFuture<InvocationOutcome>> event) {
        this.sync = sync;
        this.event = event;
    }

    /** Answers synchronous invokes through {@code sync}; an Event invoke is accepted. */
    static FakeInvoker answering(Function<byte[], CompletableFuture<InvocationOutcome>> sync) {
        return new FakeInvoker(sync, payload -> CompletableFuture.completedFuture(new InvocationOutcome.Accepted("aws-event")));
    }

    /** Answers every invoke, of either type, with {@code outcome}. */
    static FakeInvoker always(InvocationOutcome outcome) {
        return new FakeInvoker(payload -> CompletableFuture.completedFuture(outcome),
                payload -> CompletableFuture.completedFuture(outcome));
    }

    int invokes() {
        return syncPayloads.size() + eventPayloads.size();
    }

    @Override
    public CompletableFuture<InvocationOutcome> invoke(String function, String qualifier, byte[] payload) {
        syncPayloads.add(payload);
        return sync.apply(payload);
    }

    @Override
    public CompletableFuture<InvocationOutcome> invokeEvent(String function, String qualifier, byte[] payload) {
        eventPayloads.add(payload);
        return event.apply(payload);
    }
}
