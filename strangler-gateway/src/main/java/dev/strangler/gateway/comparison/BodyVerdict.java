package dev.strangler.gateway.comparison;

import java.util.List;
import java.util.Objects;

/**
 * What a body comparison found.
 *
 * @param differences JSON Pointers where the bodies differ and that count as a mismatch ({@code ""}: the whole body,
 *                    for bodies compared by bytes), sorted
 * @param noise pointers where the bodies differ but the monolith itself was seen to vary, so not a mismatch
 * @param note how the bodies were compared when it was not structurally as JSON, or why they were not compared;
 *             {@code ""} otherwise
 */
public record BodyVerdict(List<String> differences, List<String> noise, String note) {

    public BodyVerdict {
        differences = List.copyOf(differences);
        noise = List.copyOf(noise);
        note = Objects.requireNonNull(note, "note");
    }

    /** Whether the bodies count as equal. */
    public boolean matches() {
        return differences.isEmpty();
    }
}
