package dev.strangler.gateway.dashboard;

import java.util.List;
import java.util.Objects;

/**
 * A route's shadow traffic as the dashboard shows it.
 *
 * @param percent share of the monolith-served requests copied to the target (0: off)
 * @param matchRate matches per compared copy since startup (0–1), null before any comparison
 * @param compared copies compared since startup
 * @param recent the latest differences, oldest first (the route's bounded ring)
 */
public record ShadowSummary(int percent, Double matchRate, long compared, List<Difference> recent) {
    public ShadowSummary {
        recent = List.copyOf(recent);
    }

    /** The summary of counts since startup: {@code matches} of {@code compared} copies. */
    public static ShadowSummary of(int percent, long matches, long mismatches, List<Difference> recent) {
        long compared = matches + mismatches;
        return new ShadowSummary(percent, compared == 0 ? null : (double) matches / compared, compared, recent);
    }

    /**
     * One shadow copy whose answer differed from the monolith's.
     *
     * @param method the request's method
     * @param path its path and query
     * @param monolithStatus the monolith's status
     * @param targetStatus the target's
     * @param differences what differed ({@code status}, {@code header x}, body JSON Pointers)
     */
    public record Difference(String method, String path, int monolithStatus, int targetStatus, List<String> differences) {
        public Difference {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            differences = List.copyOf(differences);
        }
    }
}
