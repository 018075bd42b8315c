package dev.strangler.extraction.core;

import java.util.List;
import java.util.Objects;

/**
 * A proposed service as the report describes it.
 *
 * @param name its name, {@code coupon}; {@code shared-kernel} for the kernel
 * @param sharedKernel whether it is the library of shared classes
 * @param extractionOrder 1 = extract first; 0 for the kernel
 * @param classes its top-level classes, sorted
 * @param routes its HTTP routes
 * @param otherEntryPoints its entry points that are not HTTP routes (scheduled jobs, listeners), as words
 * @param tables the tables its classes touch
 */
public record Candidate(String name, boolean sharedKernel, int extractionOrder, List<String> classes,
                        List<Route> routes, List<String> otherEntryPoints, List<TableUse> tables) {
    public Candidate {
        Objects.requireNonNull(name, "name");
        classes = List.copyOf(classes);
        routes = List.copyOf(routes);
        otherEntryPoints = List.copyOf(otherEntryPoints);
        tables = List.copyOf(tables);
    }
}
