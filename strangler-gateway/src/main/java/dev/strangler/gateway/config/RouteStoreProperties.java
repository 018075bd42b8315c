package dev.strangler.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The shared route store, used instead of the route file when its URL is set.
 *
 * @param url PostgreSQL JDBC URL ({@code jdbc:postgresql://host:5432/database}); null keeps the route file
 * @param user database user (from the environment or a secret: {@code STRANGLER_ROUTES_STORE_USER})
 * @param password its password ({@code STRANGLER_ROUTES_STORE_PASSWORD}); never logged
 * @param notifications whether changes are followed through LISTEN/NOTIFY; polling every
 *     {@code strangler.routes.reload-interval} goes on either way and repairs a missed notice
 * @param reconnectDelay how long to wait before listening again after the notification connection was lost
 */
@Validated
@ConfigurationProperties(RouteStoreProperties.PREFIX)
public record RouteStoreProperties(String url, String user, String password, @DefaultValue("true") boolean notifications,
                                   @DefaultValue("1s") Duration reconnectDelay) {
    public static final String PREFIX = "strangler.routes.store";

    /** Whether the shared store is chosen. */
    public boolean isSet() {
        return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
        return "RouteStoreProperties[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "(hidden)")
                + ", notifications=" + notifications + ", reconnectDelay=" + reconnectDelay + "]";
    }
}
