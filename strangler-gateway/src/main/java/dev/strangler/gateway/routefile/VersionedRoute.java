package dev.strangler.gateway.routefile;

import dev.strangler.gateway.routing.Route;
import java.util.Objects;

/**
 * A route with its version, as a change left it.
 *
 * @param route the route
 * @param version its version (see {@link RouteSnapshot#versions()})
 */
public record VersionedRoute(Route route, long version) {
    public VersionedRoute {
        Objects.requireNonNull(route, "route");
    }
}
