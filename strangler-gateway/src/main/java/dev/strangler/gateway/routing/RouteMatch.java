package dev.strangler.gateway.routing;

import java.util.Map;
import java.util.Objects;

/**
 * A route that matched a request, with the path parameters its template captured.
 *
 * @param route the matching route
 * @param pattern the path template that matched
 * @param pathParameters names from the template to the request's segments
 */
public record RouteMatch(Route route, PathPattern pattern, Map<String, String> pathParameters) {
    public RouteMatch {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(pattern, "pattern");
        pathParameters = Map.copyOf(pathParameters);
    }
}
