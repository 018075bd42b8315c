package dev.strangler.analyzer.core;

import java.util.Objects;

/**
 * Requests seen in production for one method and path, read from an access log or a table of counts.
 *
 * @param method the HTTP method, upper case, or {@code ANY} when the source does not say
 * @param path the requested path (query left out), or a route template with {@code {name}} variables
 * @param requests how many requests, at least 1
 * @param errors how many of them failed on the server side (status 500 or more), at most {@code requests}
 */
public record RequestTally(String method, String path, long requests, long errors) {
    public RequestTally {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1, but was " + requests);
        }
        if (errors < 0 || errors > requests) {
            throw new IllegalArgumentException("errors must be between 0 and " + requests + ", but was " + errors);
        }
    }
}
