package dev.strangler.gateway.routefile;

import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import dev.strangler.gateway.routing.UnknownRouteException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The route table as read from its store at one moment, with the version of each route.
 *
 * @param table the routes, in match order
 * @param versions each route's version, by id: a count of the route's changes in the shared store, a fingerprint of
 *     its content in the route file; an admin's {@code If-Match} names one
 * @param revision a number that grows with every change of the store as a whole; a snapshot never replaces a newer one
 */
public record RouteSnapshot(RouteTable table, Map<String, Long> versions, long revision) {
    public RouteSnapshot {
        Objects.requireNonNull(table, "table");
        versions = Map.copyOf(versions);
        for (Route route : table.routes()) {
            if (!versions.containsKey(route.id())) {
                throw new IllegalArgumentException("versions must hold every route of the table, but lacked '"
                        + route.id() + "'");
            }
        }
    }

    /** The version of route {@code id}; throws {@link UnknownRouteException} when the table has none. */
    public long version(String id) {
        Long version = versions.get(id);
        if (version == null) {
            throw new UnknownRouteException(id, table);
        }
        return version;
    }

    /** This snapshot with {@code route} in place of its namesake at {@code version}, as of {@code newRevision}. */
    public RouteSnapshot with(Route route, long version, long newRevision) {
        Map<String, Long> changed = new HashMap<>(versions);
        changed.put(route.id(), version);
        return new RouteSnapshot(table.replace(route), changed, newRevision);
    }
}
