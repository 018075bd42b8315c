package dev.strangler.gateway.routefile;

import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import dev.strangler.gateway.routing.UnknownRouteException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A change of one route asked for by someone.
 *
 * @param id the route to change
 * @param actor who asks, for the audit
 * @param action what kind of change ({@code set}, {@code promote}, {@code rollback}, {@code shadow}, ...), for the audit
 * @param reason why, for the audit; null when none was given
 * @param expectedVersion the version the asker saw; the change is refused with {@link VersionConflictException} when
 *     the route has another one by now. Null applies the change to the route as it is when the change is made (last
 *     writer wins for the fields it sets)
 * @param change turns the route as it is into the route as it should be
 */
public record RouteEdit(String id, String actor, String action, String reason, Long expectedVersion,
                        UnaryOperator<Route> change) {
    public RouteEdit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(change, "change");
        if (reason != null && reason.isBlank()) {
            reason = null;
        }
    }

    /**
     * The outcome of applying an edit to a table.
     *
     * @param before the route before the edit
     * @param after the route after it
     * @param table the whole table after it, validated
     */
    public record Applied(Route before, Route after, RouteTable table) {
        public Applied {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(table, "table");
        }
    }

    /**
     * Applies this edit to {@code snapshot}: checks the expected version, changes the route and validates the table by
     * writing it as a route file and reading it back with {@link RouteFileReader} (named {@code location} in
     * messages), the same check a route file gets.
     */
    public Applied applyTo(RouteSnapshot snapshot, String location) {
        RouteTable before = snapshot.table();
        Route old = before.find(id).orElseThrow(() -> new UnknownRouteException(id, before));
        long current = snapshot.version(id);
        if (expectedVersion != null && expectedVersion != current) {
            throw new VersionConflictException(id, expectedVersion, current);
        }
        Route updated = Objects.requireNonNull(change.apply(old), "the change of route '" + id + "' gave no route");
        if (!updated.id().equals(id)) {
            throw new IllegalArgumentException("a change may not rename route '" + id + "', but gave '" + updated.id() + "'");
        }
        RouteTable after = before.replace(updated);
        RouteFileReader.read(RouteFileWriter.toYaml(after), location);
        return new Applied(old, updated, after);
    }
}
