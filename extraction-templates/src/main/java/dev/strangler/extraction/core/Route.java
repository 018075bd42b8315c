package dev.strangler.extraction.core;

import java.util.Objects;

/**
 * One HTTP route the candidate serves, as the analyzer found it.
 *
 * @param method the HTTP method ({@code GET}, ...) or {@code ANY}
 * @param path the path template, {@code /api/coupons/{code}}
 * @param handler the handling method, {@code a.b.Controller#method}
 */
public record Route(String method, String path, String handler) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', but was '" + path + "'");
        }
    }

    /** The gateway's route id for this route's method: {@code <candidate>-<method lower-case>}. */
    public String routeId(String candidate) {
        return candidate + "-" + method.toLowerCase(java.util.Locale.ROOT);
    }
}
