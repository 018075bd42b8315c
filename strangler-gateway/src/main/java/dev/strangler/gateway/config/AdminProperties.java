package dev.strangler.gateway.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admin API's own listener.
 *
 * @param address interface to listen on
 * @param port port, 0 for any free one
 * @param token bearer token every admin request must carry; at least 16 characters
 */
@Validated
@ConfigurationProperties(AdminProperties.PREFIX)
public record AdminProperties(@DefaultValue("127.0.0.1") String address, @DefaultValue("8081") @Min(0) @Max(65535) int port,
                              String token) {
    public static final String PREFIX = "strangler.admin";

    public AdminProperties {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("strangler.admin.token must be at least 16 characters, but was "
                    + (token == null ? "missing" : token.length() + " characters")
                    + "; set it with --admin-token or STRANGLER_ADMIN_TOKEN (e.g. openssl rand -hex 24)");
        }
    }
}
