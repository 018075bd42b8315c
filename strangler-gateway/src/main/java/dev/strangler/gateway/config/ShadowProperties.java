package dev.strangler.gateway.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of shadow traffic (the copies of monolith-served requests that routes with a {@code shadow:} block send to
 * their targets).
 *
 * @param maxInFlight copies waiting for an answer at most, per gateway; over that a copy is skipped
 * @param maxBodyBytes requests with a body above this (or of unknown length) are not copied
 * @param timeout limit for an HTTP target's answer to a copy (a Lambda target's is the invoke timeout)
 */
@Validated
@ConfigurationProperties(ShadowProperties.PREFIX)
public record ShadowProperties(@DefaultValue("64") @Min(1) int maxInFlight,
                               @DefaultValue("262144") @Min(0) @Max(6291456) int maxBodyBytes,
                               @DefaultValue("10s") Duration timeout) {
    public static final String PREFIX = "strangler.shadow";
}
