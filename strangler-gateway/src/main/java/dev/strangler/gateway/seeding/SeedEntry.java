package dev.strangler.gateway.seeding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One route of the seeded file before it becomes a {@code Route}: one candidate's paths for one method.
 *
 * @param id {@code <candidate>-<method in lower case>}, {@code -any} for a route of every method
 * @param candidate the candidate it belongs to
 * @param methods the one method, or empty for every method
 * @param paths gateway templates, most specific first, distinct
 */
record SeedEntry(String id, String candidate, Set<String> methods, List<String> paths) {
    SeedEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(candidate, "candidate");
        methods = Set.copyOf(methods);
        List<String> sorted = new ArrayList<>(paths.stream().distinct().toList());
        sorted.sort(Specificity.ORDER);
        paths = List.copyOf(sorted);
    }

    /** Whether a request could match both on method. */
    boolean sharesMethodWith(SeedEntry other) {
        return methods.isEmpty() || other.methods.isEmpty() || methods.stream().anyMatch(other.methods::contains);
    }

    /** {@code GET} or {@code any method}, for messages. */
    String methodText() {
        return methods.isEmpty() ? "any method" : String.join(",", methods);
    }
}
