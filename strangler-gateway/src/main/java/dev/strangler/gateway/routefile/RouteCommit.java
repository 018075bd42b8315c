package dev.strangler.gateway.routefile;

import dev.strangler.gateway.routing.Route;
import java.util.Objects;

/**
 * A change made in a route source.
 *
 * @param before the route before the change
 * @param after the route after it
 * @param version the route's version after it
 * @param snapshot the whole table after it, to put in force
 */
public record RouteCommit(Route before, Route after, long version, RouteSnapshot snapshot) {
    public RouteCommit {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
