package dev.strangler.gateway.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The routes of one route file, matched in order; everything no route matches goes to the monolith.
 * Immutable and thread-safe: a change builds a new table.
 *
 * @param version the route file format version
 * @param routes in file order; ids are unique
 */
public record RouteTable(int version, List<Route> routes) {

    /** The route file format this code reads and writes. */
    public static final int CURRENT_VERSION = 1;

    public RouteTable {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("version must be " + CURRENT_VERSION + ", but was " + version);
        }
        routes = List.copyOf(Objects.requireNonNull(routes, "routes"));
        Set<String> ids = new HashSet<>();
        for (Route route : routes) {
            if (!ids.add(route.id())) {
                throw new IllegalArgumentException("route id '" + route.id() + "' appears twice; ids must be unique");
            }
        }
    }

    /** An empty table: every request goes to the monolith. */
    public static RouteTable empty() {
        return new RouteTable(CURRENT_VERSION, List.of());
    }

    /** The first route matching the request, with its path parameters. */
    public Optional<RouteMatch> match(RequestFacts request) {
        String[] path = PathPattern.split(request.path());
        for (Route route : routes) {
            if (!route.methods().isEmpty() && !route.methods().contains(request.method())) {
                continue;
            }
            if (!headersMatch(route.headers(), request)) {
                continue;
            }
            for (PathPattern pattern : route.paths()) {
                Map<String, String> parameters = pattern.match(path);
                if (parameters != null) {
                    return Optional.of(new RouteMatch(route, pattern, parameters));
                }
            }
        }
        return Optional.empty();
    }

    /** The route with this id. */
    public Optional<Route> find(String id) {
        return routes.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** A table with {@code replacement} in place of the route with the same id. */
    public RouteTable replace(Route replacement) {
        List<Route> changed = new ArrayList<>(routes.size());
        boolean found = false;
        for (Route route : routes) {
            if (route.id().equals(replacement.id())) {
                changed.add(replacement);
                found = true;
            } else {
                changed.add(route);
            }
        }
        if (!found) {
            throw new UnknownRouteException(replacement.id(), this);
        }
        return new RouteTable(version, changed);
    }

    private static boolean headersMatch(Map<String, String> wanted, RequestFacts request) {
        for (Map.Entry<String, String> header : wanted.entrySet()) {
            String value = request.header(header.getKey());
            // compiled per call: header predicates are rare and their tables small
            if (value == null || !Pattern.compile(header.getValue()).matcher(value).matches()) {
                return false;
            }
        }
        return true;
    }
}
