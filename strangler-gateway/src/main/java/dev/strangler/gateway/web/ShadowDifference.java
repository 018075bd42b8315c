package dev.strangler.gateway.web;

import java.util.List;
import java.util.Objects;

/**
 * One shadow copy whose answer differed from the monolith's, as kept in a route's ring of recent differences.
 *
 * @param method the request's method
 * @param path the request's path and query
 * @param monolithStatus the monolith's status
 * @param targetStatus the target's status
 * @param monolithBody the monolith's body as text, cut to {@link #MAX_BODY_CHARS} bytes
 * @param targetBody the target's body, cut likewise
 * @param differences what differed: {@code status}, {@code header x}, {@code cookies}, body JSON Pointers
 *                    ({@code ""} for a body compared by bytes)
 * @param noise body pointers that differed where the monolith varies on its own (not counted)
 * @param note how the bodies were compared when not structurally as JSON; {@code ""} otherwise
 */
record ShadowDifference(String method, String path, int monolithStatus, int targetStatus, String monolithBody,
                        String targetBody, List<String> differences, List<String> noise, String note) {

    /** How much of each body is kept. */
    static final int MAX_BODY_CHARS = 2048;

    ShadowDifference {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(monolithBody, "monolithBody");
        Objects.requireNonNull(targetBody, "targetBody");
        differences = List.copyOf(differences);
        noise = List.copyOf(noise);
        Objects.requireNonNull(note, "note");
    }
}
