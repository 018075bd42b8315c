package dev.strangler.gateway.drain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * The drain of one gateway: its state ({@link DrainState#STARTING} → {@link DrainState#SERVING} →
 * {@link DrainState#DRAINING} → {@link DrainState#STOPPED}), the requests in flight, and other counted work such as
 * shadow copies. Readiness is {@link #isReady()}; on shutdown {@link #startDraining()} turns it false at once, and
 * {@link #awaitIdle(Duration)} waits for every count to reach zero. Thread-safe.
 */
public final class Drain {

    /** What the requests count is called in {@link #inFlight()}. */
    public static final String REQUESTS = "requests";

    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

    private final AtomicReference<DrainState> state = new AtomicReference<>(DrainState.STARTING);
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, IntSupplier> tracked = new LinkedHashMap<>();

    /** A drain whose in-flight work is its requests only, until {@link #track} adds more. */
    public Drain() {
        tracked.put(REQUESTS, requests::get);
    }

    /** Counts {@code count} (e.g. shadow copies in flight) as in-flight work named {@code kind}. */
    public synchronized Drain track(String kind, IntSupplier count) {
        Objects.requireNonNull(count, "count");
        if (tracked.putIfAbsent(Objects.requireNonNull(kind, "kind"), count) != null) {
            throw new IllegalArgumentException("in-flight work '" + kind + "' is already tracked; give it another name");
        }
        return this;
    }

    /** The current state. */
    public DrainState state() {
        return state.get();
    }

    /** Whether the gateway should get traffic: serving, not starting nor draining. */
    public boolean isReady() {
        return state.get() == DrainState.SERVING;
    }

    /** Starting is over: ready. Ignored once draining has begun (a late start must not turn readiness back on). */
    public void serving() {
        state.compareAndSet(DrainState.STARTING, DrainState.SERVING);
    }

    /** Not ready from now on; returns whether this call began the drain (false if it had begun already). */
    public boolean startDraining() {
        DrainState before = state.getAndUpdate(s -> s == DrainState.STOPPED ? s : DrainState.DRAINING);
        return before == DrainState.STARTING || before == DrainState.SERVING;
    }

    /** A request came in; pair with {@link #requestFinished()}. */
    public void requestStarted() {
        requests.incrementAndGet();
    }

    /** A request was answered, failed or was cancelled. */
    public void requestFinished() {
        requests.decrementAndGet();
    }

    /** Each kind of in-flight work with its count, requests first. */
    public synchronized Map<String, Integer> inFlight() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        tracked.forEach((kind, count) -> counts.put(kind, Math.max(0, count.getAsInt())));
        return counts;
    }

    /**
     * Waits until no work is in flight, at most {@code timeout}, then is {@link DrainState#STOPPED}. Returns what was
     * still in flight when the bound was hit (kinds with a count above zero), empty when everything finished.
     */
    public Map<String, Integer> awaitIdle(Duration timeout) throws InterruptedException {
        startDraining();
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Integer> left = busy();
        while (!left.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(Math.max(1, Math.min(POLL_NANOS, deadline - System.nanoTime()) / 1_000_000));
            left = busy();
        }
        state.set(DrainState.STOPPED);
        return left;
    }

    private Map<String, Integer> busy() {
        Map<String, Integer> busy = inFlight();
        busy.values().removeIf(count -> count == 0);
        return busy;
    }
}
