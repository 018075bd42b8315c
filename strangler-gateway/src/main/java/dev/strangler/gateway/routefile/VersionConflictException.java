package dev.strangler.gateway.routefile;

/**
 * A change that named the version of the route it was based on, while the route has another one by now: someone
 * else changed it in between. The admin API answers 409 with the current version.
 */
public class VersionConflictException extends RuntimeException {

    private final String routeId;
    private final long expected;
    private final long current;

    public VersionConflictException(String routeId, long expected, long current) {
        super("route '" + routeId + "' is at version " + current + ", but the change expected version " + expected
                + ": someone else changed it in between; look at it again (GET /routes) and repeat the change with"
                + " the current version if it still applies");
        this.routeId = routeId;
        this.expected = expected;
        this.current = current;
    }

    /** The route's id. */
    public String routeId() {
        return routeId;
    }

    /** The version the change expected. */
    public long expected() {
        return expected;
    }

    /** The route's version now. */
    public long current() {
        return current;
    }
}
