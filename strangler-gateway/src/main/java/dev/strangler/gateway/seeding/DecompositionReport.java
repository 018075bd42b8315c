package dev.strangler.gateway.seeding;

import java.util.List;
import java.util.Objects;

/**
 * What the gateway takes from a {@code decomposition.json}: its candidates' entry points.
 *
 * @param codebase the analysed codebase's name
 * @param candidates candidate names in the report's order (extraction order, then the shared kernel)
 * @param routes every candidate's entry points, candidate by candidate in the report's order
 */
public record DecompositionReport(String codebase, List<String> candidates, List<ReportedRoute> routes) {
    public DecompositionReport {
        Objects.requireNonNull(codebase, "codebase");
        candidates = List.copyOf(candidates);
        routes = List.copyOf(routes);
    }
}
