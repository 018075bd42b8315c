package dev.strangler.gateway.config;

import dev.strangler.gateway.drain.Drain;
import dev.strangler.gateway.netty.SharedEventLoops;
import dev.strangler.gateway.routefile.RouteStore;
import dev.strangler.gateway.web.DirectProxy;
import dev.strangler.gateway.web.RouteMetrics;
import dev.strangler.gateway.web.TargetBreakers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Wires the direct proxy path ({@link DirectProxy}): requests for the monolith and HTTP services served by a Reactor
 * Netty route ahead of WebFlux, while Spring Cloud Gateway has no routes of its own. Off under the {@code plain}
 * profile, with the rest of the strangler gateway.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!plain")
public class DirectProxyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DirectProxyConfiguration.class);

    /**
     * The direct proxy path for the monolith and HTTP services, ahead of WebFlux (see {@link DirectProxy}); forwarding
     * headers as Spring Cloud Gateway writes them for the same {@code trusted-proxies}.
     */
    @Bean(destroyMethod = "close")
    DirectProxy directProxy(RouteStore store, SharedEventLoops loops, MonolithProperties monolith, ProxyProperties proxy,
                            TargetBreakers breakers, RouteMetrics metrics, Drain drain,
                            @Value("${spring.cloud.gateway.server.webflux.trusted-proxies:}") String trustedProxies) {
        return DirectProxy.create(store, loops.lanes(), monolith.uri(), monolith.connectTimeout(), monolith.responseTimeout(),
                trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies), breakers, metrics, drain, proxy.direct(),
                proxy.raw() ? loops.socketChannels() : null);
    }

    /**
     * Puts the direct path's route in front of WebFlux's handler in the gateway's Reactor Netty server, and the raw
     * path's handler after the HTTP codec of each of its connections.
     */
    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> directProxyRoute(DirectProxy proxy) {
        return factory -> {
            factory.addRouteProviders(proxy.routeProvider());
            factory.addServerCustomizers(server -> server.doOnChannelInit((observer, channel, remote) -> proxy.initChannel(channel)));
        };
    }

    /**
     * Keeps the direct path off while Spring Cloud Gateway has routes besides the catch-all (declared in its own
     * configuration, with their own predicates and filters): then every request goes through its chain.
     */
    @Bean
    ApplicationListener<RefreshRoutesResultEvent> directProxyFollowsGatewayRoutes(DirectProxy proxy, ProxyProperties properties) {
        return event -> {
            if (!event.isSuccess() || !(event.getSource() instanceof RouteLocator locator)) {
                return;
            }
            List<String> declared = new ArrayList<>();
            for (Route route : locator.getRoutes().collectList().block(Duration.ofSeconds(10))) {
                if (!route.getId().equals(GatewayConfiguration.MONOLITH_ROUTE) || !route.getFilters().isEmpty()) {
                    declared.add(route.getId());
                }
            }
            boolean serving = proxy.isServing();
            proxy.gatewayRoutesDeclared(!declared.isEmpty());
            if (serving != proxy.isServing() || !properties.direct()) {
                log.info(proxy.isServing() ? "Direct proxy path on: monolith and HTTP-service requests skip Spring Cloud Gateway's chain"
                        : properties.direct() ? "Direct proxy path off: Spring Cloud Gateway declares routes " + declared
                                + ", so every request goes through its chain"
                        : "Direct proxy path off (strangler.proxy.direct=false): every request goes through Spring Cloud Gateway's chain");
            }
        };
    }

}
