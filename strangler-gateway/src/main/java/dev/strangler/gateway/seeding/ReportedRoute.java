package dev.strangler.gateway.seeding;

import java.util.Objects;

/**
 * One entry point of a candidate, as the analyzer's report lists it under {@code candidates[].routes}.
 *
 * @param candidate the candidate (proposed service) it belongs to
 * @param kind {@code HTTP}, {@code SCHEDULED} or {@code MESSAGE}
 * @param method for HTTP the method or {@code ANY}; otherwise the trigger ({@code cron}, the queue)
 * @param path for HTTP the route path with variables as {@code {name}}; otherwise the job's name
 * @param framework what declares it, such as {@code spring-mvc} or {@code servlet}
 * @param handler the handling method, {@code a.b.C#method}
 */
public record ReportedRoute(String candidate, String kind, String method, String path, String framework, String handler) {
    public ReportedRoute {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(handler, "handler");
    }

    /** Whether it is an HTTP route, which the gateway can route; jobs and listeners are not. */
    public boolean isHttp() {
        return kind.equals("HTTP");
    }

    /** {@code GET /api/orders}, or {@code SCHEDULED cron Job.run}, for messages. */
    public String label() {
        return (isHttp() ? "" : kind + " ") + method + " " + path;
    }
}
