package dev.strangler.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often the gateway judges the routes' rollouts.
 *
 * @param interval time between two evaluations of every running rollout; a rollback happens at most this late
 */
@Validated
@ConfigurationProperties(RolloutProperties.PREFIX)
public record RolloutProperties(@DefaultValue("5s") Duration interval) {
    public static final String PREFIX = "strangler.rollout";

    public RolloutProperties {
        if (interval == null || interval.toMillis() < 10) {
            throw new IllegalArgumentException("strangler.rollout.interval must be at least 10ms, but was " + interval);
        }
    }
}
