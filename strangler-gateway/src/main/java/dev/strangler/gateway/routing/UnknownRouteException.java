package dev.strangler.gateway.routing;

import java.util.stream.Collectors;

/** A route id that the current table does not have. */
public class UnknownRouteException extends RuntimeException {

    public UnknownRouteException(String id, RouteTable table) {
        super("no route with id '" + id + "'; the route file has: "
                + table.routes().stream().map(Route::id).collect(Collectors.joining(", ", "[", "]")));
    }
}
