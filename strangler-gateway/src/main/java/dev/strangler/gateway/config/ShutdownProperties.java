package dev.strangler.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Graceful shutdown ({@code strangler.shutdown.*}).
 *
 * @param drainDelay how long the gateway keeps accepting after readiness turned false, for load balancers to notice
 * @param timeout how long in-flight work (requests, Lambda invokes, shadow copies) may take after that
 */
@ConfigurationProperties("strangler.shutdown")
record ShutdownProperties(@DefaultValue("5s") Duration drainDelay, @DefaultValue("30s") Duration timeout) {

    ShutdownProperties {
        if (drainDelay.isNegative()) {
            throw new IllegalArgumentException("strangler.shutdown.drain-delay must be 0 or more, but was " + drainDelay
                    + "; e.g. --drain-delay 5s");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("strangler.shutdown.timeout must be above 0, but was " + timeout
                    + "; e.g. --shutdown-timeout 30s");
        }
    }
}
