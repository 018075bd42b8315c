package dev.strangler.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How requests for the monolith and HTTP services are proxied.
 *
 * @param direct true: by the gateway's direct Reactor Netty path, ahead of WebFlux and Spring Cloud Gateway's chain
 *               (unless Spring Cloud Gateway has routes of its own declared); false: through Spring Cloud Gateway's
 *               chain, as before the direct path existed
 * @param raw    true: on the direct path, the monolith's requests are served by a raw Netty handler below Reactor
 *               Netty over raw keep-alive upstream connections; false: by the direct path's Reactor Netty route and
 *               client, as before the raw path existed
 */
@Validated
@ConfigurationProperties(ProxyProperties.PREFIX)
public record ProxyProperties(@DefaultValue("true") boolean direct, @DefaultValue("true") boolean raw) {
    public static final String PREFIX = "strangler.proxy";
}
