package dev.strangler.gateway.seeding;

import dev.strangler.gateway.routing.RouteTable;
import java.util.List;
import java.util.Objects;

/**
 * A route table seeded from a decomposition report, with what it could not take.
 *
 * @param table every expressible HTTP route of every candidate, to the monolith at weight 0, in first-match order
 * @param otherEntryPoints jobs and message listeners: entry points, but not requests the gateway sees
 * @param notExpressed HTTP routes the gateway cannot express, each with why and what to do
 * @param warnings routes seeded, but not exactly: a dropped query, a path two entries share, an order no table gets right
 */
public record Seeding(RouteTable table, List<ReportedRoute> otherEntryPoints, List<String> notExpressed,
                      List<String> warnings) {
    public Seeding {
        Objects.requireNonNull(table, "table");
        otherEntryPoints = List.copyOf(otherEntryPoints);
        notExpressed = List.copyOf(notExpressed);
        warnings = List.copyOf(warnings);
    }
}
