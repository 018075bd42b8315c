package dev.strangler.lambdalocal.execution;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Where an environment's events meet its runtime's {@code next} long poll: holds whichever comes first, the poll
 * waiting for an event or the event waiting for a poll, until the other arrives or the environment stops.
 *
 * <p>Thread-safe. Its state is guarded by the lock it is given, its {@link Environment}'s monitor, so the hand-over
 * keeps the locking it had inside {@code Environment}; events and {@code null} are handed to the runtime outside it.
 */
final class EventHandoff {
    private final Object lock;
    /** The runtime's pending {@code next}, answered by whoever has the next event; guarded by {@code lock}. */
    private Consumer<Invocation> waitingRuntime;
    /** An event no runtime has asked for yet; guarded by {@code lock}. */
    private Invocation queued;
    /** Guarded by {@code lock}. */
    private boolean stopped;

    EventHandoff(Object lock) {
        this.lock = lock;
    }

    /**
     * Takes the runtime's {@code next}: {@code deliver} gets the queued event at once, {@code null} when stopped, or
     * waits for {@link #hand}. {@code onPoll} runs first, under the lock.
     */
    void awaitNext(Consumer<Invocation> deliver, Runnable onPoll) {
        Invocation next;
        synchronized (lock) {
            onPoll.run();
            if (stopped) {
                next = null;
            } else if (queued != null) {
                next = queued;
                queued = null;
            } else {
                waitingRuntime = deliver;
                return;
            }
        }
        if (next != null) {
            next.markDelivered();
        }
        deliver.accept(next);
    }

    /** Gives a new event to the waiting {@code next}, or queues it for the next one. */
    void hand(Invocation invocation) {
        Consumer<Invocation> runtime;
        synchronized (lock) {
            runtime = waitingRuntime;
            waitingRuntime = null;
            if (runtime == null) {
                queued = invocation;
                return;
            }
        }
        invocation.markDelivered();
        runtime.accept(invocation);
    }

    /** Forgets {@code deliver} if it is still the pending {@code next}. */
    void withdraw(Consumer<Invocation> deliver) {
        synchronized (lock) {
            if (waitingRuntime == deliver) {
                waitingRuntime = null;
            }
        }
    }

    /**
     * Gives an event that was handed out once, but not written, to the waiting {@code next} or queues it again;
     * does nothing when stopped, when {@code isCurrent} (asked under the lock) says it no longer runs here, or when
     * it has its answer.
     */
    void redeliver(Invocation invocation, BooleanSupplier isCurrent) {
        Consumer<Invocation> runtime;
        synchronized (lock) {
            if (stopped || !isCurrent.getAsBoolean() || invocation.answer.isDone()) {
                return;
            }
            runtime = waitingRuntime;
            waitingRuntime = null;
            if (runtime == null) {
                queued = invocation;
                return;
            }
        }
        runtime.accept(invocation);
    }

    /** Stops for good: drops a queued event and answers a waiting {@code next} with {@code null}. */
    void release() {
        Consumer<Invocation> runtime;
        synchronized (lock) {
            stopped = true;
            queued = null;
            runtime = waitingRuntime;
            waitingRuntime = null;
        }
        if (runtime != null) {
            runtime.accept(null);
        }
    }
}
