package dev.strangler.gateway.routedb;

import dev.strangler.gateway.routefile.InvalidRouteFileException;
import dev.strangler.gateway.routefile.RouteFileProblem;
import dev.strangler.gateway.routefile.RouteFileReader;
import dev.strangler.gateway.routefile.RouteSnapshot;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the store as one route file: what the reader validates, and what an export writes. Plain values.
 *
 * @param rows the routes in match order
 * @param revision the store's revision they were read at
 */
record StoredTable(List<StoredRoute> rows, long revision) {
    StoredTable {
        rows = List.copyOf(rows);
    }

    /** The route file text: {@code version: 1}, then every row's definition in order. */
    String yaml() {
        if (rows.isEmpty()) {
            return "version: " + RouteTable.CURRENT_VERSION + "\nroutes: []\n";
        }
        StringBuilder yaml = new StringBuilder("version: " + RouteTable.CURRENT_VERSION + "\nroutes:\n");
        rows.forEach(row -> yaml.append(row.definition()).append(row.definition().endsWith("\n") ? "" : "\n"));
        return yaml.toString();
    }

    /**
     * Reads the rows with the route file reader (named {@code location} in its messages), so a stored table is held
     * to exactly the rules of a route file; throws {@link dev.strangler.gateway.routefile.InvalidRouteFileException}.
     * A row whose definition holds another route than its id says (or more than one) is refused too.
     */
    RouteSnapshot snapshot(String location) {
        RouteTable table = RouteFileReader.read(yaml(), location);
        List<String> ids = table.routes().stream().map(Route::id).toList();
        List<String> rowIds = rows.stream().map(StoredRoute::id).toList();
        if (!ids.equals(rowIds)) {
            throw new InvalidRouteFileException(location, List.of(new RouteFileProblem(0, null, "the rows " + rowIds
                    + " define the routes " + ids + "; each row must define exactly the route of its id")));
        }
        Map<String, Long> versions = new HashMap<>();
        rows.forEach(row -> versions.put(row.id(), row.version()));
        return new RouteSnapshot(table, versions, revision);
    }
}
