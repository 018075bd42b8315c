package dev.strangler.gateway.autopilot;

/** A decision about a rollout whose state changed since it was judged (an operator paused or aborted it meanwhile). */
final class StaleRolloutException extends IllegalStateException {
    StaleRolloutException(String route) {
        super("the rollout of route '" + route + "' changed while it was judged; the decision is dropped");
    }
}
