package dev.strangler.gateway.routefile;

import java.util.Objects;

/**
 * One thing wrong in a route file.
 *
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param routeId the route it concerns, or null
 * @param message what is wrong and how to fix it
 */
public record RouteFileProblem(int line, String routeId, String message) {
    public RouteFileProblem {
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 or more, but was " + line);
        }
    }

    /** {@code <file>:<line>: route '<id>': <message>}, compiler style. */
    public String format(String file) {
        return file + ":" + line + ": " + (routeId == null ? "" : "route '" + routeId + "': ") + message;
    }
}
