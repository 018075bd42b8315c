package dev.strangler.analyzer.core;

import java.util.Objects;

/**
 * Where a use case starts: an HTTP route, a scheduled job or a message listener.
 *
 * @param kind HTTP, scheduled or message
 * @param framework what declares it, for example {@code spring-mvc}, {@code jax-rs}, {@code servlet}, {@code struts}
 * @param httpMethod {@code GET}, {@code POST}, ... or {@code ANY}; for non-HTTP entry points the trigger
 *                   ({@code cron}, {@code fixedRate}, the queue)
 * @param path the full route path with path variables as {@code {name}}, or the job's name
 * @param handler the method that handles it
 * @param location where the handler is declared
 */
public record EntryPoint(EntryPointKind kind, String framework, String httpMethod, String path,
                         MethodId handler, SourceLocation location) {
    public EntryPoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(location, "location");
    }

    /** A stable label such as {@code GET /api/products/{id}}, used as the use case's name. */
    public String label() {
        return httpMethod + " " + path;
    }
}
