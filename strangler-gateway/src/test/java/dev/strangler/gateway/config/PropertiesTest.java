package dev.strangler.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PropertiesTest {

    @EnableConfigurationProperties({MonolithProperties.class, AdminProperties.class, LambdaProperties.class,
            ShadowProperties.class, ShutdownProperties.class, CircuitBreakerProperties.class, HealthCheckProperties.class,
            RoutesProperties.class, RouteStoreProperties.class})
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void binds_defaults_and_durations() {
        runner.withPropertyValues("strangler.monolith.uri=http://127.0.0.1:8080", "strangler.admin.token=0123456789abcdef",
                        "strangler.lambda.invoke-timeout=3s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MonolithProperties.class).responseTimeout()).hasSeconds(30);
                    assertThat(context.getBean(AdminProperties.class).port()).isEqualTo(8081);
                    assertThat(context.getBean(LambdaProperties.class).maxBodyBytes()).isEqualTo(6 * 1024 * 1024);
                    assertThat(context.getBean(LambdaProperties.class).invokeTimeout()).hasSeconds(3);
                    assertThat(context.getBean(ShadowProperties.class))
                            .isEqualTo(new ShadowProperties(64, 256 * 1024, java.time.Duration.ofSeconds(10)));
                    assertThat(context.getBean(ShutdownProperties.class))
                            .isEqualTo(new ShutdownProperties(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(30)));
                });
    }

    @Test
    void refuses_a_negative_drain_delay_and_a_zero_shutdown_timeout_with_the_option_to_fix() {
        runner.withPropertyValues("strangler.monolith.uri=http://127.0.0.1:8080", "strangler.admin.token=0123456789abcdef",
                        "strangler.shutdown.drain-delay=-1s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("strangler.shutdown.drain-delay must be 0 or more, but was PT-1S; e.g. --drain-delay 5s"));
        runner.withPropertyValues("strangler.monolith.uri=http://127.0.0.1:8080", "strangler.admin.token=0123456789abcdef",
                        "strangler.shutdown.timeout=0s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("strangler.shutdown.timeout must be above 0, but was PT0S"));
    }

    @Test
    void refuses_a_short_admin_token_and_a_monolith_uri_without_host() {
        runner.withPropertyValues("strangler.monolith.uri=http://127.0.0.1:8080", "strangler.admin.token=short")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("strangler.admin.token must be at least 16 characters, but was 5 characters"));
        runner.withPropertyValues("strangler.monolith.uri=file:/x", "strangler.admin.token=0123456789abcdef")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("strangler.monolith.uri must be like http://host:port"));
    }

    @Test
    void binds_the_breaker_and_health_check_defaults_and_refuses_a_relative_health_path() {
        runner.withPropertyValues("strangler.monolith.uri=http://127.0.0.1:8080", "strangler.admin.token=0123456789abcdef")
                .run(context -> {
                    assertThat(context.getBean(CircuitBreakerProperties.class))
                            .isEqualTo(new CircuitBreakerProperties(true, 50, 20, 20, java.time.Duration.ofSeconds(30), 3));
                    assertThat(context.getBean(HealthCheckProperties.class)).isEqualTo(new HealthCheckProperties(true,
                            "/health", java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(2), 2));
                });
        runner.withPropertyValues("strangler.monolith.uri=http://127.0.0.1:8080", "strangler.admin.token=0123456789abcdef",
                        "strangler.health-check.path=health")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("strangler.health-check.path must start with '/', but was 'health'"));
    }

    @Test
    void binds_the_route_store_from_the_environment_s_names_and_never_shows_its_password() {
        runner.withPropertyValues("strangler.monolith.uri=http://127.0.0.1:8080", "strangler.admin.token=0123456789abcdef",
                        "strangler.routes.store.url=jdbc:postgresql://db:5432/strangler",
                        "strangler.routes.store.user=gateway", "strangler.routes.store.password=s3cret")
                .run(context -> {
                    RouteStoreProperties store = context.getBean(RouteStoreProperties.class);
                    assertThat(store.isSet()).isTrue();
                    assertThat(store.notifications()).isTrue();
                    assertThat(store.reconnectDelay()).hasSeconds(1);
                    assertThat(store.toString()).doesNotContain("s3cret");
                    assertThat(context.getBean(RoutesProperties.class).file()).isNull();
                });
    }

    @Test
    void refuses_both_a_route_file_and_a_route_store_and_neither_naming_the_options() {
        GatewayConfiguration configuration = new GatewayConfiguration();
        RoutesProperties file = new RoutesProperties(java.nio.file.Path.of("routes.yml"), null, java.time.Duration.ofSeconds(2));
        RoutesProperties noFile = new RoutesProperties(null, null, java.time.Duration.ofSeconds(2));
        RouteStoreProperties store = new RouteStoreProperties("jdbc:postgresql://db:5432/strangler?password=s3cret", "gw",
                "s3cret", true, java.time.Duration.ofSeconds(1));
        RouteStoreProperties noStore = new RouteStoreProperties(null, null, null, true, java.time.Duration.ofSeconds(1));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> configuration.routeStore(file, store))
                .hasMessageContaining("both a route file (routes.yml) and a route store (postgresql://db:5432/strangler) are set")
                .hasMessageNotContaining("s3cret");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> configuration.routeStore(noFile, noStore))
                .hasMessageContaining("--routes FILE").hasMessageContaining("--route-store jdbc:postgresql://");
    }
}
