package dev.strangler.gateway.routedb;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the shared route store.
 *
 * @param url a PostgreSQL JDBC URL, {@code jdbc:postgresql://host:5432/database}
 * @param user the database user, or null when the URL names it
 * @param password the user's password, or null when the URL or the server needs none; never shown
 * @param notifications whether changes are followed through {@code LISTEN}/{@code NOTIFY} (else by polling alone)
 * @param reconnectDelay how long the listener waits before connecting again after losing its connection
 */
public record StoreSettings(String url, String user, String password, boolean notifications, Duration reconnectDelay) {
    private static final String PREFIX = "jdbc:postgresql://";

    public StoreSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(reconnectDelay, "reconnectDelay");
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("the route store must be a PostgreSQL JDBC URL like "
                    + PREFIX + "db.example.com:5432/strangler, but was '" + location(url) + "'");
        }
        if (reconnectDelay.isNegative()) {
            throw new IllegalArgumentException("reconnectDelay must not be negative, but was " + reconnectDelay);
        }
        user = user == null || user.isBlank() ? null : user;
        password = password == null || password.isEmpty() ? null : password;
    }

    /** Settings with notifications on and a one-second reconnect delay. */
    public static StoreSettings of(String url, String user, String password) {
        return new StoreSettings(url, user, password, true, Duration.ofSeconds(1));
    }

    /** The URL without {@code jdbc:} and without its query, where credentials may be: safe to log and show. */
    public String location() {
        return location(url);
    }

    private static String location(String url) {
        String plain = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        int query = plain.indexOf('?');
        String withoutQuery = query < 0 ? plain : plain.substring(0, query);
        int at = withoutQuery.indexOf('@'); // postgresql://user:secret@host is not pgjdbc's syntax, but keep it out
        return at < 0 ? withoutQuery : withoutQuery.substring(0, withoutQuery.indexOf("//") + 2) + withoutQuery.substring(at + 1);
    }

    @Override
    public String toString() {
        return "StoreSettings[" + location() + ", user=" + user + ", password=" + (password == null ? "none" : "(hidden)")
                + ", notifications=" + notifications + "]";
    }
}
