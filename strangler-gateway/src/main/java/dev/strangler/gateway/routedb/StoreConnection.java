package dev.strangler.gateway.routedb;

import dev.strangler.gateway.routefile.RouteStoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.Driver;

/**
 * The kept connection to the store: opened on first use, dropped after any failure and opened again on the next,
 * and transactions on it that turn every {@link SQLException} into a {@link RouteStoreUnavailableException} saying
 * what to check. Not thread-safe: its owner calls it under its own lock.
 */
final class StoreConnection {

    private final StoreSettings settings;
    private Connection connection;

    StoreConnection(StoreSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Creates or upgrades the schema (see {@link Schema}), telling {@code notes} what it did. */
    void migrate(Consumer<String> notes) {
        try {
            Schema.migrate(connection(), settings.location(), notes);
        } catch (SQLException e) {
            drop();
            throw unavailable(e);
        }
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction on the kept connection; any failure rolls it back. Callers hold the lock. */
    <T> T transaction(boolean readOnly, Work<T> work) {
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            c.setReadOnly(readOnly);
            c.setTransactionIsolation(readOnly ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_READ_COMMITTED);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
        } catch (SQLException e) {
            drop();
            throw unavailable(e);
        }
    }

    private void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            drop();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = open();
        }
        return connection;
    }

    void drop() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // it is being dropped because it failed; nothing more to do
            }
            connection = null;
        }
    }

    /** A new connection with the settings' credentials; a short connect timeout, and queries that cannot hang. */
    Connection open() throws SQLException {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", "strangler-gateway");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        // Driver rather than DriverManager: the latter finds drivers through the class loader of whoever asks first
        Connection c = new Driver().connect(settings.url(), properties);
        if (c == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + settings.location());
        }
        return c;
    }

    private RouteStoreUnavailableException unavailable(SQLException e) {
        return new RouteStoreUnavailableException("route store " + settings.location() + " failed: " + e.getMessage()
                + " (SQL state " + e.getSQLState() + "); check that the database is up, the URL, and the user and"
                + " password (STRANGLER_ROUTES_STORE_USER, STRANGLER_ROUTES_STORE_PASSWORD)", e);
    }
}
