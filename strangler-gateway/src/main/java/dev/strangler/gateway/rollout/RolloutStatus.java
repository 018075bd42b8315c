package dev.strangler.gateway.rollout;

import java.util.Locale;

/** Where a started rollout stands. */
public enum RolloutStatus {
    /** Moving through its steps (possibly paused). */
    RUNNING,
    /** Its last step held for its hold time: the route stays at that step's weight. */
    COMPLETED,
    /** A threshold did not hold: the route went back to the monolith. */
    ROLLED_BACK,
    /** Stopped by an operator: the route went back to the monolith. */
    ABORTED;

    /** As the route file and the admin API write it: {@code running}, {@code rolled-back}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #label()}. */
    public static RolloutStatus parse(String text) {
        for (RolloutStatus status : values()) {
            if (status.label().equals(text)) {
                return status;
            }
        }
        throw new IllegalArgumentException("rollout status must be running, completed, rolled-back or aborted, but was '"
                + text + "'");
    }
}
