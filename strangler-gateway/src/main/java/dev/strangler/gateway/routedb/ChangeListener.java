package dev.strangler.gateway.routedb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that {@code LISTEN}s on the store's channel on a connection of its own and calls back on every notice.
 * When the connection is lost it connects again after a delay and calls back once, so a change made meanwhile is
 * not missed (the gateway's polling repairs the gap in any case). Thread-safe.
 */
final class ChangeListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    private static final int WAIT_MILLIS = 500;

    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final Runnable onChange;
    private final Duration reconnectDelay;
    private final String location;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    private ChangeListener(Connector connector, Runnable onChange, Duration reconnectDelay, String location) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.reconnectDelay = Objects.requireNonNull(reconnectDelay, "reconnectDelay");
        this.location = Objects.requireNonNull(location, "location");
        this.thread = new Thread(this::run, "strangler-route-store-listener");
        thread.setDaemon(true);
    }

    /** Starts listening on {@code channel}. */
    static ChangeListener start(Connector connector, Runnable onChange, Duration reconnectDelay, String location) {
        ChangeListener listener = new ChangeListener(connector, onChange, reconnectDelay, location);
        listener.thread.start();
        return listener;
    }

    private void run() {
        boolean lost = false;
        while (running) {
            try (Connection c = connector.connect()) {
                connection = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + PostgresRouteSource.CHANNEL);
                }
                if (lost) {
                    log.info("Listening to route store {} again", location);
                }
                onChange.run(); // whatever changed while nobody listened
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(WAIT_MILLIS);
                    if (notices != null && notices.length > 0) {
                        onChange.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!lost) {
                    log.warn("Lost the notification connection to route store {}; polling goes on, connecting again"
                            + " every {}", location, reconnectDelay, e);
                }
                lost = true;
                pause();
            } finally {
                connection = null;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(reconnectDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2 * WAIT_MILLIS + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection c = connection;
        if (thread.isAlive() && c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("Closing the notification connection failed", e);
            }
        }
    }
}
