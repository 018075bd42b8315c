package dev.strangler.gateway.routedb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The store's tables, created on first connection: plain SQL scripts on the classpath ({@code V<n>__<name>.sql}
 * beside this class), applied in order, each once, recorded in {@code strangler_route_schema}. Instances starting
 * together take turns through an advisory lock. Stateless.
 */
final class Schema {

    /** An arbitrary constant naming this store's advisory lock ("strangler" in ASCII, more or less). */
    private static final long LOCK = 0x5354524e474c52L;

    /**
     * One script.
     *
     * @param version its number, from 1
     * @param name the rest of its file name
     */
    record Migration(int version, String name) {
        Migration {
            Objects.requireNonNull(name, "name");
            if (version < 1) {
                throw new IllegalArgumentException("version must be at least 1, but was " + version);
            }
        }

        String resource() {
            return "V" + version + "__" + name + ".sql";
        }
    }

    static final List<Migration> MIGRATIONS = List.of(new Migration(1, "route_store"));

    private Schema() {
    }

    /**
     * Brings the schema behind {@code connection} up to {@link #latest()}; tells {@code notes} what it applied (and
     * when the schema is newer than this gateway knows). Returns the version it found.
     */
    static int migrate(Connection connection, String location, Consumer<String> notes) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            statement.execute("CREATE TABLE IF NOT EXISTS strangler_route_schema (version integer PRIMARY KEY,"
                    + " description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            int found;
            try (ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM strangler_route_schema")) {
                rs.next();
                found = rs.getInt(1);
            }
            for (Migration migration : MIGRATIONS) {
                if (migration.version() > found) {
                    statement.execute(script(migration));
                    try (PreparedStatement record = connection.prepareStatement(
                            "INSERT INTO strangler_route_schema (version, description) VALUES (?, ?)")) {
                        record.setInt(1, migration.version());
                        record.setString(2, migration.name());
                        record.executeUpdate();
                    }
                    notes.accept("Route store " + location + ": schema version " + migration.version() + " ("
                            + migration.name() + ") applied");
                }
            }
            if (found > latest()) {
                notes.accept("Route store " + location + " has schema version " + found + ", newer than this gateway's "
                        + latest() + "; upgrade the gateway if it cannot read the routes");
            }
            connection.commit();
            return found;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The newest schema version this gateway knows. */
    static int latest() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    private static String script(Migration migration) {
        try (InputStream in = Schema.class.getResourceAsStream(migration.resource())) {
            if (in == null) {
                throw new IllegalStateException("schema script " + migration.resource() + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema script " + migration.resource(), e);
        }
    }
}
