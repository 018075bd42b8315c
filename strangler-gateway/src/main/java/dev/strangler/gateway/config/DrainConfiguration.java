package dev.strangler.gateway.config;

import dev.strangler.gateway.drain.Drain;
import dev.strangler.gateway.web.InFlightFilter;
import dev.strangler.gateway.web.ShadowTraffic;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Graceful shutdown: readiness, the count of requests and shadow copies in flight, and the drain before and after
 * the server stops. Off under the {@code plain} profile, like {@link GatewayConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!plain")
public class DrainConfiguration {

    /** Readiness and the in-flight count of requests and shadow copies, for graceful shutdown. */
    @Bean
    Drain drain(ShadowTraffic shadows) {
        return new Drain().track("shadow-copies", shadows::inFlight);
    }

    @Bean
    InFlightFilter inFlightFilter(Drain drain) {
        return new InFlightFilter(drain);
    }

    @Bean
    ShutdownSequence shutdownSequence(Drain drain, ShutdownProperties shutdown) {
        return new ShutdownSequence(drain, shutdown);
    }

    /** Ready once everything started; on close, not ready at once, then still serving for the drain delay. */
    @Bean
    SmartLifecycle drainBeforeServerStops(ShutdownSequence sequence) {
        return sequence.beforeServerStops();
    }

    /** After the server stopped accepting and its requests ended: waits for the rest (shadow copies) within the bound. */
    @Bean
    SmartLifecycle drainAfterServerStops(ShutdownSequence sequence) {
        return sequence.afterServerStops();
    }
}
