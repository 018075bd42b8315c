package dev.strangler.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The monolith behind the gateway, where every request no route moves is proxied.
 *
 * @param uri scheme, host and port of the monolith, like {@code http://127.0.0.1:8080}
 * @param connectTimeout limit for opening a connection to it
 * @param responseTimeout limit for its response headers to arrive (504 after)
 */
@Validated
@ConfigurationProperties(MonolithProperties.PREFIX)
public record MonolithProperties(@NotNull URI uri, @DefaultValue("2s") Duration connectTimeout,
                                 @DefaultValue("30s") Duration responseTimeout) {
    public static final String PREFIX = "strangler.monolith";

    public MonolithProperties {
        if (uri != null && (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")))) {
            throw new IllegalArgumentException("strangler.monolith.uri must be like http://host:port, but was '" + uri
                    + "'; set it with --monolith or STRANGLER_MONOLITH_URI");
        }
    }
}
