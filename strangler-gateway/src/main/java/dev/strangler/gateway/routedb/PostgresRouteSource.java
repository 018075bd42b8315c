package dev.strangler.gateway.routedb;

import dev.strangler.gateway.routefile.RouteCommit;
import dev.strangler.gateway.routefile.RouteEdit;
import dev.strangler.gateway.routefile.RouteFileWriter;
import dev.strangler.gateway.routefile.RouteSnapshot;
import dev.strangler.gateway.routefile.RouteSource;
import dev.strangler.gateway.routefile.RouteStoreUnavailableException;
import dev.strangler.gateway.routefile.VersionConflictException;
import dev.strangler.gateway.routing.RouteTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table in a PostgreSQL database shared by every gateway instance: one versioned row per route, an audit
 * table, and a {@code NOTIFY} on every change. A change locks the store's revision row, reads the routes, applies and
 * validates the edit as the route file would be validated, and writes the route with
 * {@code UPDATE ... WHERE id = ? AND version = ?}, so of two changes that expect the same version exactly one is made
 * and the other gets a {@link VersionConflictException}. One kept connection for reads and writes (reconnected after a
 * failure, {@link StoreConnection}), one more for {@code LISTEN} ({@link ChangeListener}). Thread-safe.
 */
public final class PostgresRouteSource implements RouteSource {

    private static final Logger log = LoggerFactory.getLogger(PostgresRouteSource.class);
    /** The channel every change is announced on; the payload is the store's new revision. */
    static final String CHANNEL = "strangler_routes";

    private final StoreSettings settings;
    private final Clock clock;
    private final StoreConnection store; // used under this object's lock
    private long refusedRevision = -1; // guarded by this
    private ChangeListener listener; // guarded by this

    private PostgresRouteSource(StoreSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = new StoreConnection(settings);
    }

    /**
     * Connects to the store and creates or upgrades its schema; throws {@link RouteStoreUnavailableException} saying
     * what to check when it cannot.
     */
    public static PostgresRouteSource connect(StoreSettings settings, Clock clock) {
        return connect(settings, clock, note -> log.info("{}", note));
    }

    /** As {@link #connect(StoreSettings, Clock)}, telling {@code notes} (the CLI's stderr) what the schema needed. */
    public static PostgresRouteSource connect(StoreSettings settings, Clock clock, Consumer<String> notes) {
        PostgresRouteSource source = new PostgresRouteSource(settings, clock);
        synchronized (source) {
            try {
                source.store.migrate(notes);
            } catch (RouteStoreUnavailableException e) {
                source.close();
                throw e;
            }
        }
        return source;
    }

    @Override
    public String location() {
        return settings.location();
    }

    @Override
    public synchronized RouteSnapshot load() {
        return store.transaction(true, c -> read(c).snapshot(location()));
    }

    @Override
    public synchronized Optional<RouteSnapshot> loadIfChanged(long knownRevision) {
        return store.transaction(true, c -> {
            long revision = revision(c);
            if (revision == knownRevision || revision == refusedRevision) {
                return Optional.empty();
            }
            try {
                return Optional.of(read(c).snapshot(location()));
            } catch (RuntimeException e) {
                refusedRevision = revision; // refused once, not on every poll
                throw e;
            }
        });
    }

    @Override
    public synchronized RouteCommit commit(RouteEdit edit, RouteSnapshot current) {
        return store.transaction(false, c -> {
            long revision = raiseRevision(c); // locks the store: one change at a time
            RouteSnapshot before = read(c).snapshot(location());
            RouteEdit.Applied applied = edit.applyTo(before, location());
            long expected = edit.expectedVersion() != null ? edit.expectedVersion() : before.version(edit.id());
            Instant now = clock.instant();
            String definition = RouteFileWriter.routeYaml(applied.after());
            try (PreparedStatement update = c.prepareStatement("UPDATE strangler_routes SET definition = ?,"
                    + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
                update.setString(1, definition);
                update.setTimestamp(2, Timestamp.from(now));
                update.setString(3, edit.actor());
                update.setString(4, edit.id());
                update.setLong(5, expected);
                if (update.executeUpdate() != 1) { // a writer that does not take the lock (by hand, an older gateway)
                    throw new VersionConflictException(edit.id(), expected, versionOf(c, edit.id()));
                }
            }
            audit(c, now, edit.actor(), edit.action(), edit.id(), edit.reason(), expected, expected + 1,
                    RouteFileWriter.routeYaml(applied.before()), definition);
            announce(c, revision);
            return new RouteCommit(applied.before(), applied.after(), expected + 1,
                    before.with(applied.after(), expected + 1, revision));
        });
    }

    /**
     * Replaces the stored table with {@code table} in one transaction, audited as {@code import} route by route:
     * unchanged routes keep their versions. Refused with {@link IllegalStateException} when the store holds routes
     * already and {@code replace} is false. Returns a summary such as {@code 3 routes: 3 added, 0 changed, ...}.
     */
    public synchronized String importTable(RouteTable table, String actor, String reason, boolean replace) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(actor, "actor");
        RouteFileWriter.toYaml(table); // a table of routes is valid by construction; the caller read it with the reader
        return store.transaction(false, c -> {
            long revision = raiseRevision(c);
            StoredTable existing = read(c);
            if (!existing.rows().isEmpty() && !replace) {
                throw new IllegalStateException("route store " + location() + " holds " + existing.rows().size()
                        + " routes already; pass --replace to replace them with the file's (each change is audited)");
            }
            ImportPlan plan = ImportPlan.of(existing.rows(), table);
            write(c, plan, actor, reason, clock.instant());
            announce(c, revision);
            return plan.summary();
        });
    }

    /** The stored table as a route file, opening with a comment naming the store. */
    public synchronized String export() {
        return store.transaction(true, c -> {
            StoredTable stored = read(c);
            return RouteFileWriter.toYaml(stored.snapshot(location()).table(), List.of("Routes exported from the route store "
                    + location() + " at revision " + stored.revision() + ".",
                    "Import them with: ./strangler routes import --from FILE --store URL [--replace]"));
        });
    }

    @Override
    public synchronized void watch(Runnable onChange) {
        if (settings.notifications() && listener == null) {
            listener = ChangeListener.start(store::open, onChange, settings.reconnectDelay(), location());
        }
    }

    @Override
    public void close() {
        ChangeListener stopping;
        synchronized (this) {
            stopping = listener;
            listener = null;
        }
        if (stopping != null) {
            stopping.close(); // outside the lock: its last callback may be waiting for it
        }
        synchronized (this) {
            store.drop();
        }
    }

    private void write(Connection c, ImportPlan plan, String actor, String reason, Instant now) throws SQLException {
        for (StoredRoute gone : plan.removed()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM strangler_routes WHERE id = ?")) {
                delete.setString(1, gone.id());
                delete.executeUpdate();
            }
            audit(c, now, actor, "import", gone.id(), reason, gone.version(), null, gone.definition(), null);
        }
        int position = 0;
        for (ImportPlan.Entry entry : plan.entries()) {
            long version = entry.isNew() ? 1 : entry.existing().version() + (entry.isChanged() ? 1 : 0);
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO strangler_routes"
                    + " (id, position, definition, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET position = excluded.position, definition = excluded.definition,"
                    + " version = excluded.version, updated_at = CASE WHEN strangler_routes.version = excluded.version"
                    + " THEN strangler_routes.updated_at ELSE excluded.updated_at END,"
                    + " updated_by = CASE WHEN strangler_routes.version = excluded.version"
                    + " THEN strangler_routes.updated_by ELSE excluded.updated_by END")) {
                upsert.setString(1, entry.id());
                upsert.setInt(2, position++);
                upsert.setString(3, entry.definition());
                upsert.setLong(4, version);
                upsert.setTimestamp(5, Timestamp.from(now));
                upsert.setString(6, actor);
                upsert.executeUpdate();
            }
            if (entry.isNew() || entry.isChanged()) {
                audit(c, now, actor, "import", entry.id(), reason, entry.isNew() ? null : entry.existing().version(),
                        version, entry.isNew() ? null : entry.existing().definition(), entry.definition());
            }
        }
    }

    private static void audit(Connection c, Instant at, String who, String action, String routeId, String reason,
                              Long versionBefore, Long versionAfter, String before, String after) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO strangler_route_audit (at, who, action, route_id,"
                + " reason, version_before, version_after, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(at));
            insert.setString(2, who);
            insert.setString(3, action);
            insert.setString(4, routeId);
            insert.setString(5, reason);
            insert.setObject(6, versionBefore);
            insert.setObject(7, versionAfter);
            insert.setString(8, before);
            insert.setString(9, after);
            insert.executeUpdate();
        }
    }

    private static void announce(Connection c, long revision) throws SQLException {
        try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, Long.toString(revision));
            notify.execute(); // delivered when the transaction commits, not before
        }
    }

    private static long raiseRevision(Connection c) throws SQLException {
        try (PreparedStatement raise = c.prepareStatement("UPDATE strangler_route_table SET revision = revision + 1,"
                + " updated_at = now() WHERE id = 1 RETURNING revision");
             ResultSet rs = raise.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("strangler_route_table has no row; the schema is damaged (expected the row id = 1)");
            }
            return rs.getLong(1);
        }
    }

    private static long revision(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT revision FROM strangler_route_table WHERE id = 1");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static StoredTable read(Connection c) throws SQLException {
        long revision = revision(c);
        List<StoredRoute> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, definition, version FROM strangler_routes ORDER BY position, id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new StoredRoute(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        }
        return new StoredTable(rows, revision);
    }

    private static long versionOf(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT version FROM strangler_routes WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
