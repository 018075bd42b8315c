package dev.strangler.gateway.dashboard;

import java.util.Objects;

/**
 * The circuit breaker of a route's target.
 *
 * @param target the target it guards ({@code lambda:orders-fn}, {@code url:http://...}); routes sharing a target share it
 * @param state {@code closed}, {@code open}, {@code half_open}, {@code forced_open}, … or {@code off} without breakers
 * @param failureRate percent of the breaker's window that failed, null until it has enough calls
 * @param healthy for a URL target, whether it passes its health checks; null for a function
 */
public record Breaker(String target, String state, Double failureRate, Boolean healthy) {
    public Breaker {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
    }

    /** Whether the target is kept out of the path: its circuit is open, or it fails its health checks. */
    public boolean isOut() {
        return state.contains("open") && !state.equals("half_open") || Boolean.FALSE.equals(healthy);
    }
}
