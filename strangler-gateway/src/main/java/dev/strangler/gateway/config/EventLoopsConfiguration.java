package dev.strangler.gateway.config;

import dev.strangler.gateway.netty.SharedEventLoops;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The gateway's event loops, shared by the web server, the client to the monolith and the Lambda client, so that a
 * request stays on the thread that read it. Off under the {@code plain} profile, like {@link GatewayConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!plain")
public class EventLoopsConfiguration {

    /**
     * The event loops of the server, the monolith client and the Lambda client: a request stays on the thread that
     * read it until it is answered. One per core unless {@code strangler.event-loops} says otherwise: nothing on them
     * blocks, so more loops than cores only add context switches (Reactor Netty's default of at least 4 cost about a
     * third more CPU per proxied request on 2 cores, see the README's benchmark).
     */
    @Bean(destroyMethod = "close")
    SharedEventLoops eventLoops(@Value("${strangler.event-loops:0}") int eventLoops) {
        if (eventLoops < 0) {
            throw new IllegalArgumentException("strangler.event-loops must be 0 (one per core) or more, but was "
                    + eventLoops);
        }
        return SharedEventLoops.create("strangler-io",
                eventLoops == 0 ? Runtime.getRuntime().availableProcessors() : eventLoops);
    }

    /** Makes the web server run on the shared event loops ({@link #eventLoops(int)}) (Spring Boot's own factory would use Reactor's global loops). */
    @Bean
    ReactorResourceFactory reactorResourceFactory(SharedEventLoops loops) {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setLoopResources(loops);
        return factory;
    }

    /** Makes Spring Cloud Gateway's client to the monolith run on the shared event loops ({@link #eventLoops(int)}), on the caller's loop. */
    @Bean
    HttpClientCustomizer monolithClientOnSharedLoops(SharedEventLoops loops) {
        return client -> client.runOn(loops);
    }
}
