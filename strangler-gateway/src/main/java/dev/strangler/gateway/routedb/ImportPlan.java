package dev.strangler.gateway.routedb;

import dev.strangler.gateway.routefile.RouteFileWriter;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What importing a route table into the store does to its rows: routes added, changed (a new version), unchanged
 * (version kept, only the position may move) and removed. Plain values.
 *
 * @param entries the imported routes in match order, each with the row it replaces (null when new)
 * @param removed the rows of routes the imported table no longer has
 */
record ImportPlan(List<Entry> entries, List<StoredRoute> removed) {
    ImportPlan {
        entries = List.copyOf(entries);
        removed = List.copyOf(removed);
    }

    /**
     * One imported route.
     *
     * @param id the route's id
     * @param definition its definition as the store keeps it
     * @param existing the row it replaces, or null when the route is new
     */
    record Entry(String id, String definition, StoredRoute existing) {
        Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(definition, "definition");
        }

        boolean isNew() {
            return existing == null;
        }

        boolean isChanged() {
            return existing != null && !existing.definition().equals(definition);
        }
    }

    /** The plan that turns the rows {@code existing} into {@code table}. */
    static ImportPlan of(List<StoredRoute> existing, RouteTable table) {
        Map<String, StoredRoute> byId = new LinkedHashMap<>();
        existing.forEach(row -> byId.put(row.id(), row));
        List<Entry> entries = new ArrayList<>();
        for (Route route : table.routes()) {
            entries.add(new Entry(route.id(), RouteFileWriter.routeYaml(route), byId.remove(route.id())));
        }
        return new ImportPlan(entries, new ArrayList<>(byId.values()));
    }

    long added() {
        return entries.stream().filter(Entry::isNew).count();
    }

    long changed() {
        return entries.stream().filter(Entry::isChanged).count();
    }

    long unchanged() {
        return entries.size() - added() - changed();
    }

    /** {@code 3 routes: 1 added, 1 changed, 1 unchanged, 2 removed}. */
    String summary() {
        return entries.size() + " route" + (entries.size() == 1 ? "" : "s") + ": " + added() + " added, " + changed()
                + " changed, " + unchanged() + " unchanged, " + removed.size() + " removed";
    }
}
