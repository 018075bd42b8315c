package dev.strangler.gateway.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Active health checks of URL targets: {@code GET <target url><path>} every {@code interval}; an unhealthy target is
 * treated like one whose circuit breaker is open.
 *
 * @param enabled false: no checks, every URL target counts as healthy
 * @param path appended to each URL target's base URL
 * @param interval time between two checks of a target
 * @param timeout a check without an answer within it failed
 * @param unhealthyAfter failed checks in a row that make a target unhealthy (one passed check makes it healthy)
 */
@Validated
@ConfigurationProperties(HealthCheckProperties.PREFIX)
public record HealthCheckProperties(@DefaultValue("true") boolean enabled,
                                    @DefaultValue("/health") @NotNull String path,
                                    @DefaultValue("10s") @NotNull Duration interval,
                                    @DefaultValue("2s") @NotNull Duration timeout,
                                    @DefaultValue("2") @Min(1) int unhealthyAfter) {
    public static final String PREFIX = "strangler.health-check";

    public HealthCheckProperties {
        if (path != null && !path.startsWith("/")) {
            throw new IllegalArgumentException(PREFIX + ".path must start with '/', but was '" + path + "'");
        }
        if (interval != null && (interval.isZero() || interval.isNegative())) {
            throw new IllegalArgumentException(PREFIX + ".interval must be positive, but was " + interval);
        }
    }
}
