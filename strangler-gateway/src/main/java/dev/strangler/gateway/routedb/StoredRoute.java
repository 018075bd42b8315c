package dev.strangler.gateway.routedb;

import java.util.Objects;

/**
 * One row of {@code strangler_routes}.
 *
 * @param id the route's id
 * @param definition the route as an item of the route file's {@code routes:} list
 * @param version how many times the route was written, from 1
 */
record StoredRoute(String id, String definition, long version) {
    StoredRoute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, but was " + version);
        }
    }
}
