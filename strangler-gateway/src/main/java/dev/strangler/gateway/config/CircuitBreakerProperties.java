package dev.strangler.gateway.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The circuit breaker of each route target (Resilience4j, count-based window). While a target's breaker is open, its
 * routes' GET, HEAD and OPTIONS requests go to the monolith and the others get 503.
 *
 * @param enabled false: no breaker, every request reaches its target
 * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before the rate counts (so a few early failures do not open it)
 * @param waitInOpen how long an open breaker keeps the target out of the path before it half-opens
 * @param halfOpenCalls probe calls let through while half-open; all must do for the breaker to close
 */
@Validated
@ConfigurationProperties(CircuitBreakerProperties.PREFIX)
public record CircuitBreakerProperties(@DefaultValue("true") boolean enabled,
                                       @DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
                                       @DefaultValue("20") @Min(1) int slidingWindowSize,
                                       @DefaultValue("20") @Min(1) int minimumNumberOfCalls,
                                       @DefaultValue("30s") @NotNull Duration waitInOpen,
                                       @DefaultValue("3") @Min(1) int halfOpenCalls) {
    public static final String PREFIX = "strangler.circuit-breaker";
}
